// A knowledge base with markup characters (<, >, &, both quote marks) in every text
// field a page shows, for the site's escaping tests.
#pragma once

#include <string>

#include "support/temp_kb.hpp"

namespace claimkb::test {

// The text put into every field: it would open a tag, end an attribute, start an
// entity and close a script if any page printed it as it is.
inline const char* kNasty = R"(</script><b onclick='x()'>"A & B" <!-- c -->)";

inline void write_nasty_kb(TempKb& dir) {
  // YAML double-quoted scalars: \" is a quote mark, everything else is literal.
  const std::string v = R"("</script><b onclick='x()'>\"A & B\" <!-- c -->")";
  dir.write("concepts/c.yaml", "- id: thing\n  label: " + v + "\n  synonyms: [" + v +
                                   "]\n- id: outcome\n  label: \"Outcome & <more>\"\n" +
                                   "  synonyms: [outcome words]\n");
  dir.write("citations/c.yaml",
            "- id: trial1\n  design: rct\n  title: " + v + "\n  authors: [" + v + "]\n  year: 2001\n  journal: " + v +
                "\n  n: 500\n  doi: 10.1000/x<y&z\n  pmid: '123'\n  abstract: " + v + "\n  notes: " + v + "\n" +
                "- id: blog\n  design: web\n  title: " + v + "\n  authors: []\n  year: 2020\n  publisher: " + v +
                "\n  url: \"https://example.org/?a=1&b=<2>\"\n");
  dir.write("claims/c.yaml", "- id: nasty\n  statement: " + v + "\n  aliases: [" + v + "]\n  about:\n" +
                                 "    subject: [thing]\n    relation: causes\n    object: [outcome]\n" + "  tags: [" +
                                 v + "]\n  asserted_by:\n    - citation: blog\n      quote: " + v +
                                 "\n  evidence:\n    - citation: trial1\n      stance: supports\n      finding: " + v +
                                 "\n      notes: " + v + "\n  notes: " + v + "\n" + "- id: user\n  statement: Uses " +
                                 v + "\n  depends_on: [nasty]\n");
}

}  // namespace claimkb::test
