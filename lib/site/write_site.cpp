// write_site(): every page into a new folder beside the target, then that folder put
// in the target's place in one step (renameat2's RENAME_EXCHANGE swaps two
// directories atomically on Linux), and the old site removed.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <new>

#include "claimkb/site.hpp"
#include "claimkb/text.hpp"
#include "site/context.hpp"
#include "site/page.hpp"
#include "site/pages.hpp"

namespace claimkb {
namespace {

namespace fs = std::filesystem;

// Marks a folder as a site written here, so that it may be replaced next time.
constexpr const char* kMarker = ".claimkb-site";
constexpr std::size_t kClaimsPerIndexPage = 200;

Diagnostic error(const std::string& file, const std::string& message, Diagnostic::Code code) {
  Diagnostic d;
  d.file = to_valid_utf8(file);
  d.message = message;
  d.code = code;
  return d;
}

std::string today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

bool valid_date(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  const int month = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

class Writer {
 public:
  explicit Writer(fs::path root) : root_(std::move(root)) {}

  // Writes one file; after the first failure does nothing and failed() says where.
  void write(const std::string& relative, std::string_view bytes, bool page) {
    if (failed()) return;
    const fs::path path = root_ / relative;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!(out && out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())) && out.flush())) {
      error_ = std::strerror(errno);
      failed_file_ = path.string();
      return;
    }
    ++summary_.files;
    summary_.bytes += bytes.size();
    if (page) {
      ++summary_.pages;
      if (bytes.size() > summary_.largest_page_bytes) {
        summary_.largest_page_bytes = bytes.size();
        summary_.largest_page = relative;
      }
    }
  }
  bool failed() const { return !failed_file_.empty(); }
  const std::string& failed_file() const { return failed_file_; }
  const std::string& error() const { return error_; }
  const SiteSummary& summary() const { return summary_; }

 private:
  fs::path root_;
  SiteSummary summary_;
  std::string failed_file_, error_;
};

// Puts `staging` in the place of `target`, which exists when `replace`.
bool swap_into_place(const fs::path& staging, const fs::path& target, bool replace, std::string& why) {
  if (!replace) {
    if (::rename(staging.c_str(), target.c_str()) == 0) return true;
    why = std::strerror(errno);
    return false;
  }
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) return true;
  if (errno != EINVAL && errno != ENOSYS) {
    why = std::strerror(errno);
    return false;
  }
  // A file system without the exchange: two renames, with a moment between them.
  const fs::path old = staging.string() + "-old";
  if (::rename(target.c_str(), old.c_str()) != 0 || ::rename(staging.c_str(), target.c_str()) != 0) {
    why = std::strerror(errno);
    ::rename(old.c_str(), target.c_str());
    return false;
  }
  std::error_code ec;
  fs::rename(old, staging, ec);  // so the caller removes the old site as in the exchange
  return true;
}

Result<SiteSummary> write(const KnowledgeBase& kb, const std::string& dir, SiteOptions options) {
  using Code = Diagnostic::Code;
  if (options.date.empty()) options.date = today();
  if (!valid_date(options.date)) {
    return Result<SiteSummary>::failure(
        {error(dir, "the date '" + to_valid_utf8(options.date) + "' is not YYYY-MM-DD", Code::bad_argument)});
  }
  const std::string& base = options.base_url;
  if (!base.empty() && base.rfind("http://", 0) != 0 && base.rfind("https://", 0) != 0) {
    return Result<SiteSummary>::failure({error(
        dir, "the base URL '" + to_valid_utf8(base) + "' must start with http:// or https://", Code::bad_argument)});
  }
  fs::path target(dir);
  if (!target.has_filename()) target = target.parent_path();  // "site/" -> "site"
  if (target.empty()) return Result<SiteSummary>::failure({error(dir, "no folder named", Code::bad_argument)});
  std::error_code ec;
  const bool exists = fs::exists(target, ec);
  if (exists) {
    if (!fs::is_directory(target, ec)) {
      return Result<SiteSummary>::failure({error(dir, "exists and is not a folder", Code::io)});
    }
    if (!fs::is_empty(target, ec) && !fs::exists(target / kMarker, ec)) {
      return Result<SiteSummary>::failure({error(
          dir, "the folder is not empty and is not a site claimkb wrote; name a new or empty folder", Code::io)});
    }
  }
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const fs::path staging = parent / ("." + target.filename().string() + ".claimkb-new-" + std::to_string(::getpid()));
  fs::remove_all(staging, ec);
  fs::create_directories(staging / "claims", ec);
  if (!ec) fs::create_directories(staging / "citations", ec);
  if (ec) {
    return Result<SiteSummary>::failure(
        {error(staging.string(), "cannot create the folder: " + ec.message(), Code::io)});
  }

  const site::Context ctx = site::make_context(kb, options);
  Writer w(staging);
  w.write("style.css", site::stylesheet(), false);
  w.write("finder.js", site::finder_script(), false);
  w.write("search-index.js", site::search_index_script(ctx), false);
  w.write("about.html", site::about_page(ctx), true);
  const std::size_t n = kb.claim_count();
  const std::size_t pages = n == 0 ? 1 : (n + kClaimsPerIndexPage - 1) / kClaimsPerIndexPage;
  for (std::size_t p = 1; p <= pages; ++p) {
    w.write(site::index_file(p), site::index_page(ctx, p, pages, (p - 1) * kClaimsPerIndexPage, kClaimsPerIndexPage),
            true);
  }
  for (std::size_t i = 0; i < n && !w.failed(); ++i) {
    w.write("claims/" + kb.claim_at(i).id + ".html", site::claim_page(ctx, i), true);
  }
  for (std::size_t i = 0; i < kb.citation_count() && !w.failed(); ++i) {
    w.write("citations/" + kb.citation_at(i).id + ".html", site::citation_page(ctx, i), true);
  }
  w.write(kMarker, "A site written by `claimkb site`; the command may replace this folder.\n", false);
  std::string why;
  if (w.failed()) {
    fs::remove_all(staging, ec);
    return Result<SiteSummary>::failure({error(w.failed_file(), "cannot write the file: " + w.error(), Code::io)});
  }
  if (!swap_into_place(staging, target, exists, why)) {
    fs::remove_all(staging, ec);
    return Result<SiteSummary>::failure({error(dir, "cannot put the new site in place: " + why, Code::io)});
  }
  fs::remove_all(staging, ec);  // the old site, after the exchange
  return w.summary();
}

}  // namespace

Result<SiteSummary> write_site(const KnowledgeBase& kb, const std::string& dir, const SiteOptions& options) {
  try {
    return write(kb, dir, options);
  } catch (const std::bad_alloc&) {
    return Result<SiteSummary>::failure({error(dir, "out of memory", Diagnostic::Code::out_of_memory)});
  } catch (const std::exception& e) {
    return Result<SiteSummary>::failure(
        {error(dir, std::string("cannot write the site: ") + e.what(), Diagnostic::Code::io)});
  }
}

}  // namespace claimkb
