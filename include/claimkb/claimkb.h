/* claimkb/claimkb.h — the C API of claimkb: the one header an app needs when it
 * reaches native code through a C ABI (Swift, Kotlin/JNI, Python ctypes, Node FFI).
 * Plain C99; also compiles as C++.
 *
 *   char* err = NULL;
 *   claimkb_t* kb = claimkb_open(NULL, &err);           // the default KB
 *   if (kb == NULL) { fprintf(stderr, "%s\n", err); claimkb_free(err); return 1; }
 *   char* json = claimkb_verdict_json(kb, "tight-psoas-causes-back-pain", &err);
 *   ...
 *   claimkb_free(json);
 *   claimkb_close(kb);
 *
 * Errors (the leveldb convention): a function that can fail takes `char** errptr`.
 * On success it returns a non-NULL value and leaves *errptr as it was. On failure it
 * returns NULL and stores a message in *errptr that the caller releases with
 * claimkb_free(); a message already in *errptr is released first, so one `err`
 * variable can be reused across calls, but start it at NULL. errptr itself may be
 * NULL when the caller does not want the message. Only when memory is exhausted so
 * badly that the message cannot be allocated either is *errptr left NULL on failure.
 * No C++ exception ever leaves these functions. What kind of failure it was, for a
 * program to act on, is claimkb_last_error_code() (like errno: per thread).
 *
 * Ownership: every `char*` a function returns is the caller's, allocated with
 * malloc(), to be released with claimkb_free() (or free(): they are the same
 * allocator). The `const char*` from claimkb_version() is static and never freed.
 * Strings are valid UTF-8 (also when they quote input that was not: invalid bytes
 * become U+FFFD) and NUL-terminated. The library never keeps a pointer the
 * caller passed in.
 *
 * Threads: a claimkb_t is immutable once open. Any number of threads may call the
 * query functions (claimkb_claim_count, claimkb_verdict_json, claimkb_list_json,
 * claimkb_search_json, claimkb_check_json, claimkb_record_json, claimkb_quotes_json) on the same handle at once,
 * without locking. claimkb_open may run on several threads at once (each gets its own handle), but it reads the
 * environment, so not while another thread calls setenv(). claimkb_close must not
 * run while any other call uses the same handle. claimkb_free and claimkb_version
 * are thread-safe.
 */
#ifndef CLAIMKB_CLAIMKB_H
#define CLAIMKB_CLAIMKB_H

#include <stddef.h> /* NOLINT(modernize-deprecated-headers): a C header */

#include "claimkb/export.h"
#include "claimkb/version.hpp" /* CLAIMKB_VERSION_STRING: preprocessor only, C-safe */

#ifdef __cplusplus
extern "C" {
#endif

/* A loaded, validated and graded knowledge base. Opaque: only a pointer to it is
 * ever seen outside the library. */
typedef struct claimkb_t claimkb_t; /* NOLINT(modernize-use-using): a C header */

/* Kinds of failure (docs/cli.md, "Error codes"); the same values as the C++
 * Diagnostic::Code. */
enum {
  CLAIMKB_OK = 0,
  CLAIMKB_E_INVALID_KB = 1,       /* a file breaks the format or a rule of the KB */
  CLAIMKB_E_IO = 2,               /* a file or directory cannot be read or written */
  CLAIMKB_E_DAMAGED_SNAPSHOT = 3, /* not a snapshot, or one truncated or altered */
  CLAIMKB_E_OTHER_VERSION = 4,    /* a snapshot of another format or claimkb version */
  CLAIMKB_E_TOO_LARGE = 5,        /* past a limit: file size, records a file, nesting */
  CLAIMKB_E_NOT_FOUND = 6,        /* no such claim, or no clear match for a question */
  CLAIMKB_E_BAD_ARGUMENT = 7,     /* a NULL argument */
  CLAIMKB_E_OUT_OF_MEMORY = 8,
  CLAIMKB_E_INTERNAL = 9 /* a bug in claimkb: please report it */
};

/* The code of the last call on this thread that can fail: CLAIMKB_OK after a
 * success, else one of CLAIMKB_E_*. When opening a KB finds several problems, the
 * code is CLAIMKB_E_IO if any file could not be read, else that of the first. */
CLAIMKB_EXPORT int claimkb_last_error_code(void);

/* The name of a code as JSON spells it ("ok", "invalid_kb", "io", ...); "unknown"
 * for a value that is none of them. Static storage, never freed. */
CLAIMKB_EXPORT const char* claimkb_error_name(int code);

/* Opens the knowledge base in directory `kb_path` (with claims/ and citations/
 * below it), or in the snapshot file `kb_path` written by claimkb_write_snapshot()
 * or `claimkb compile` (memory-mapped: it opens in milliseconds), or, when kb_path
 * is NULL, the default one: $CLAIMKB_KB when it is set and not empty, else the KB
 * installed with the library.
 * Success: a handle, released with claimkb_close().
 * Failure: NULL; *errptr holds every problem found, one per line, each as
 * "file:line:column: error: message" (1:1 when the problem concerns a whole file
 * or directory, e.g. a missing directory or a damaged snapshot). */
CLAIMKB_EXPORT claimkb_t* claimkb_open(const char* kb_path, char** errptr);

/* Releases a handle and everything it holds. NULL is ignored. Strings returned
 * earlier by queries on this handle belong to the caller and stay valid. */
CLAIMKB_EXPORT void claimkb_close(claimkb_t* kb);

/* Writes the KB as a snapshot file (docs/snapshot.md) that claimkb_open() reads
 * back in milliseconds; `file` is replaced whole or left as it was.
 * Success: the number of bytes written (never 0).
 * Failure: 0 and *errptr set, e.g. "/no/dir/kb.ckb:1:1: error: cannot write the
 * file: No such file or directory". */
CLAIMKB_EXPORT size_t claimkb_write_snapshot(const claimkb_t* kb, const char* file, char** errptr);

/* The number of claims in the KB; 0 when kb is NULL. Cannot fail. */
CLAIMKB_EXPORT size_t claimkb_claim_count(const claimkb_t* kb);

/* The verdict on one claim as the JSON object `claimkb verdict --json` prints
 * (id, statement, verdict, certainty, summary, reasons, evidence, asserted_by,
 * premises, warnings, and "match": how the text was matched and the concepts it
 * names), on one line. `claim_id_or_question` is a claim id, or a question in plain words that is
 * matched against the claims' statements and aliases.
 * Success: the JSON, which the caller frees with claimkb_free().
 * Failure: NULL and *errptr set, when the text names no claim, when a question
 * matches no claim clearly (the message lists the closest claims, one per line, as
 * "  id: statement"), when an argument is NULL, or when memory runs out. */
CLAIMKB_EXPORT char* claimkb_verdict_json(const claimkb_t* kb, const char* claim_id_or_question, char** errptr);

/* Every claim, in the KB's stable order, as a JSON array of
 * {"id", "statement", "verdict", "certainty"} objects (certainty is null for an
 * insufficient verdict) — the same array `claimkb list --json` prints.
 * Success: the JSON, which the caller frees with claimkb_free().
 * Failure: NULL and *errptr set (kb NULL, or out of memory). */
CLAIMKB_EXPORT char* claimkb_list_json(const claimkb_t* kb, char** errptr);

/* The claims that best match `text`, best first, at most `limit` of them, as the
 * JSON array `claimkb search --json` prints: {"id", "score", "statement",
 * "verdict", "certainty", "concepts"} objects, a higher score for a better match. No match is
 * not an error: the array is empty.
 * Success: the JSON, which the caller frees with claimkb_free().
 * Failure: NULL and *errptr set (kb or text NULL, or out of memory). */
CLAIMKB_EXPORT char* claimkb_search_json(const claimkb_t* kb, const char* text, size_t limit, char** errptr);

/* The claims a text makes, sentence by sentence, as the JSON array `claimkb check
 * --json` prints: for each, the sentence and its byte span, line and column, the
 * claim and its verdict, the polarity (asserts, denies, reports), whether that
 * agrees with the verdict, and the concepts named. `text` is UTF-8 (invalid bytes
 * are repaired in what comes back). No claim found is not an error: the array is
 * empty.
 * Success: the JSON, which the caller frees with claimkb_free().
 * Failure: NULL and *errptr set (kb or text NULL, or out of memory). */
CLAIMKB_EXPORT char* claimkb_check_json(const claimkb_t* kb, const char* text, char** errptr);

/* One claim, citation or concept as stored: the JSON object `claimkb show --json`
 * prints (every key that is set, as the YAML spells it; a citation also has its
 * formatted "reference"), on one line.
 * Success: the JSON, which the caller frees with claimkb_free().
 * Failure: NULL and *errptr set (no record has that id: CLAIMKB_E_NOT_FOUND; kb or
 * id NULL; out of memory). */
CLAIMKB_EXPORT char* claimkb_record_json(const claimkb_t* kb, const char* id, char** errptr);

/* The quotes in evidence findings checked against their citations' abstracts, as
 * the "quotes" object `claimkb lint --quotes --json` prints: {"checked",
 * "matched", "unverifiable", "failed", "failures": [{"file", "line", "column",
 * "severity", "code", "message"}, ...]}. Failed quotes are in the JSON, not an
 * error of the call.
 * Success: the JSON, which the caller frees with claimkb_free().
 * Failure: NULL and *errptr set (kb NULL, or out of memory). */
CLAIMKB_EXPORT char* claimkb_quotes_json(const claimkb_t* kb, char** errptr);

/* Releases a string returned by any claimkb function (results and error
 * messages). NULL is ignored. */
CLAIMKB_EXPORT void claimkb_free(void* p);

/* The library's version, e.g. "0.1.0": static storage, never freed. Compare it with
 * CLAIMKB_VERSION_STRING to check that the header and the library loaded at run
 * time are the same release. */
CLAIMKB_EXPORT const char* claimkb_version(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CLAIMKB_CLAIMKB_H */
