// `claimkb site -o DIR [--base-url URL] [--date YYYY-MM-DD] [--author NAME]`: the KB
// as a static web site (docs/site.md).
#include <chrono>
#include <memory>
#include <ostream>

#include "claimkb/claimkb.hpp"
#include "common.hpp"

namespace claimkb::cli {
namespace {

struct Args {
  std::string output;
  SiteOptions site;
};

int run(const Options& o, const Args& a, Io& io) {
  int exit = kDone;
  auto kb = open_kb(o, io.err, exit);
  if (!kb) return exit;
  const auto start = std::chrono::steady_clock::now();
  const auto written = write_site(*kb, a.output, a.site);
  if (!written) {
    for (const auto& e : written.errors()) io.err << e.to_string() << "\n";
    for (const auto& e : written.errors()) {
      if (e.code == Diagnostic::Code::bad_argument) return kUsage;
    }
    return kIo;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const SiteSummary& s = *written;
  if (o.json) {
    nlohmann::ordered_json j = {{"folder", to_valid_utf8(a.output)},
                                {"pages", s.pages},
                                {"files", s.files},
                                {"bytes", s.bytes},
                                {"largest_page", s.largest_page},
                                {"largest_page_bytes", s.largest_page_bytes},
                                {"seconds", seconds}};
    io.out << dump(j) << "\n";
  } else {
    io.out << "wrote " << s.pages << " pages (" << s.files << " files, " << s.bytes << " bytes) to "
           << to_valid_utf8(a.output) << " in " << seconds << " s; largest page " << s.largest_page << " ("
           << s.largest_page_bytes << " bytes)\n";
  }
  return kDone;
}

Run setup(CLI::App& app) {
  auto a = std::make_shared<Args>();
  app.add_option("-o,--output", a->output, "the folder to write (replaced whole when it holds a site written before)")
      ->required();
  app.add_option("--base-url", a->site.base_url, "where the site will be served, for absolute ClaimReview urls");
  app.add_option("--date", a->site.date, "the reviews' datePublished, YYYY-MM-DD (default: today, UTC)");
  app.add_option("--author", a->site.author, "the reviews' author, an organization's name (default: claimkb)");
  return [a](const Options& o, Io& io) { return run(o, *a, io); };
}

}  // namespace

const Command kSiteCommand{"site", "write the KB as a static web site with ClaimReview markup", setup};

}  // namespace claimkb::cli
