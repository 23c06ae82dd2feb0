// `claimkb export --format csl-json|ris|bibtex|nbib [-o FILE]`: every citation of
// the KB for a reference manager (docs/cli.md, docs/import.md); `--format fhir`:
// every claim as a FHIR R5 Evidence resource, in one Bundle (docs/site.md).
#include <memory>
#include <ostream>

#include "claimkb/claimkb.hpp"
#include "common.hpp"

namespace claimkb::cli {
namespace {

struct Args {
  std::string format, output;
};

int run(const Options& o, const Args& a, Io& io) {
  const bool fhir = a.format == "fhir";
  const auto format = parse_citation_format(a.format);
  if (!format && !fhir) {
    io.err << "claimkb export: unknown format '" << to_valid_utf8(a.format)
           << "': use csl-json, ris, bibtex, nbib or fhir\n";
    return kUsage;
  }
  int exit = kDone;
  auto kb = open_kb(o, io.err, exit);
  if (!kb) return exit;
  std::string text;
  if (fhir) {
    text = to_fhir_bundle(*kb);
  } else {
    std::vector<Citation> citations;
    citations.reserve(kb->citation_count());
    for (std::size_t i = 0; i < kb->citation_count(); ++i) citations.push_back(kb->citation_at(i));
    text = export_citations(citations, *format);
  }
  if (a.output.empty()) {
    io.out << text;
    return kDone;
  }
  return write_output(a.output, text, io.err) ? kDone : kIo;
}

Run setup(CLI::App& app) {
  auto a = std::make_shared<Args>();
  app.add_option("--format", a->format, "csl-json, ris, bibtex, nbib (citations) or fhir (claims)")->required();
  app.add_option("-o,--output", a->output, "the file to write (replaced whole); default: standard output");
  return [a](const Options& o, Io& io) { return run(o, *a, io); };
}

}  // namespace

const Command kExportCommand{
    "export", "write every citation as CSL-JSON, RIS, BibTeX or MEDLINE (nbib), or every claim as FHIR Evidence",
    setup};

}  // namespace claimkb::cli
