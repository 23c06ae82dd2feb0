// claimkb/claimkb.hpp — the whole C++ API of claimkb.
//
//   auto kb = claimkb::KnowledgeBase::open(claimkb::KnowledgeBase::default_path());
//   if (!kb) { for (auto& e : kb.errors()) std::cerr << e.to_string() << '\n'; }
//   else if (auto r = kb->report("tight-psoas-causes-back-pain")) { ... }
#pragma once

#include "claimkb/check.hpp"
#include "claimkb/cite.hpp"
#include "claimkb/fhir.hpp"
#include "claimkb/graph.hpp"
#include "claimkb/knowledge_base.hpp"
#include "claimkb/listing.hpp"
#include "claimkb/model.hpp"
#include "claimkb/quotes.hpp"
#include "claimkb/reference.hpp"
#include "claimkb/result.hpp"
#include "claimkb/search.hpp"
#include "claimkb/site.hpp"
#include "claimkb/text.hpp"
#include "claimkb/types.hpp"
#include "claimkb/verdict.hpp"
#include "claimkb/version.hpp"
