/* A C99 program outside claimkb's tree that uses only claimkb.h. It checks what an
 * app relies on: the bundled KB opens, a verdict comes back as JSON, a missing KB
 * directory gives NULL and a message, and everything returned can be freed (the
 * valgrind test runs this program). Prints the checks; exits 1 if any fails.
 *
 *   c_api_check              run the checks
 *   c_api_check list         print claimkb_list_json() only   (compared with the CLI:
 *   c_api_check search TEXT  print claimkb_search_json() only  compare_with_cli.cmake) */
#include <claimkb/claimkb.h>

#include <stdio.h>
#include <string.h>

static int failures = 0;

static void check(int ok, const char* what) {
  printf("%s: %s\n", ok ? "ok" : "FAILED", what);
  if (!ok) ++failures;
}

static int contains(const char* s, const char* part) { return s != NULL && strstr(s, part) != NULL; }

int main(int argc, char** argv) {
  char* err = NULL;
  claimkb_t* kb = claimkb_open(NULL, &err);
  char* json;
  claimkb_t* missing;

  if (kb == NULL) {
    fprintf(stderr, "cannot open the bundled KB:\n%s\n", err != NULL ? err : "(no message)");
    claimkb_free(err);
    return 1;
  }
  if (argc > 1) {
    int ok;
    if (strcmp(argv[1], "list") == 0) {
      json = claimkb_list_json(kb, &err);
    } else if (strcmp(argv[1], "search") == 0 && argc > 2) {
      json = claimkb_search_json(kb, argv[2], 10, &err);
    } else {
      json = NULL;
    }
    ok = json != NULL;
    if (ok) puts(json);
    claimkb_free(json);
    claimkb_free(err);
    claimkb_close(kb);
    return ok ? 0 : 1;
  }

  check(strcmp(claimkb_version(), CLAIMKB_VERSION_STRING) == 0, "library and header versions agree");
  check(claimkb_claim_count(kb) > 0, "the bundled KB has claims");

  json = claimkb_verdict_json(kb, "tight-psoas-causes-back-pain", &err);
  check(contains(json, "\"id\":\"tight-psoas-causes-back-pain\""), "verdict JSON names the claim");
  check(contains(json, "\"verdict\":\"refuted\""), "verdict JSON has the verdict");
  check(err == NULL, "success leaves errptr alone");
  if (json != NULL) printf("%.200s...\n", json);
  claimkb_free(json);

  json = claimkb_verdict_json(kb, "no-such-claim-anywhere", &err);
  check(json == NULL && err != NULL, "an unknown claim gives NULL and a message");
  if (err != NULL) printf("message: %s\n", err);

  /* err still holds the last message: the next failure must replace it, not leak it. */
  missing = claimkb_open("/nonexistent/claimkb-kb", &err);
  check(missing == NULL, "a missing KB directory gives NULL");
  check(contains(err, "/nonexistent/claimkb-kb"), "the message names the directory");
  if (err != NULL) printf("message: %s\n", err);
  claimkb_free(err);
  err = NULL;

  json = claimkb_list_json(kb, &err);
  check(contains(json, "\"id\":\"tight-psoas-causes-back-pain\""), "the list has the claim");
  claimkb_free(json);

  json = claimkb_search_json(kb, "tight psoas back pain", 5, &err);
  check(json != NULL && json[0] == '[', "search returns a JSON array");
  claimkb_free(json);

  json = claimkb_verdict_json(NULL, "x", NULL); /* errptr may be NULL */
  check(json == NULL, "a NULL handle is refused, not dereferenced");

  claimkb_close(kb);
  claimkb_close(NULL);
  claimkb_free(err);
  return failures == 0 ? 0 : 1;
}
