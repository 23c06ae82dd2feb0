// The binary form of a KB's records inside a snapshot. Private to the library.
//
// encode() and decode() are each other's inverse, field by field in the order the
// structs declare them, except a claim's or citation's id: a snapshot keeps ids in a
// table of their own (snapshot.hpp), and decode() leaves them empty. decode() of a damaged record fails the Reader (binary.hpp)
// and returns whatever it read so far; it never reads outside the record.
#pragma once

#include "store/binary.hpp"
#include "claimkb/model.hpp"
#include "claimkb/result.hpp"
#include "claimkb/verdict.hpp"

namespace claimkb::detail {

void encode(Writer& w, const Claim& c);
void encode(Writer& w, const Grade& g);
void encode(Writer& w, const Citation& c);
void encode(Writer& w, const Diagnostic& d);

void decode(Reader& r, Claim& c);
void decode(Reader& r, Grade& g);
void decode(Reader& r, Citation& c);
void decode(Reader& r, Diagnostic& d);

}  // namespace claimkb::detail
