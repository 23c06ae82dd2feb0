#include "common.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include <unistd.h>

#include "claimkb/text.hpp"

namespace claimkb::cli {

int exit_for(const std::vector<Diagnostic>& errors) {
  for (const Diagnostic& d : errors) {
    if (d.code == Diagnostic::Code::io) return kIo;
  }
  return kInvalidKb;
}

std::optional<KnowledgeBase> open_kb(const Options& o, std::ostream& err, int& exit) {
  auto kb = KnowledgeBase::open(o.kb.empty() ? KnowledgeBase::default_path() : o.kb);
  if (!kb) {
    // Only the errors, one a line, so that a program can read every line the same way.
    for (const auto& e : kb.errors()) err << e.to_string() << "\n";
    exit = exit_for(kb.errors());
    return std::nullopt;
  }
  return std::move(kb).value();
}

std::optional<std::string> kb_directory(const Options& o, bool writing, std::string_view what, std::ostream& err) {
  std::string path = o.kb.empty() ? KnowledgeBase::default_path() : o.kb;
  std::error_code ec;
  if (writing && !std::filesystem::is_directory(path, ec)) {
    err << to_valid_utf8(path) << ":1:1: error: a compiled snapshot cannot " << what << "\n";
    return std::nullopt;
  }
  return path;
}

bool write_output(const std::string& path, std::string_view bytes, std::ostream& err) {
  // Into a temporary file beside the target, then renamed over it: a reader of the
  // target sees the old file or the new one, never half of one.
  const std::filesystem::path target(path);
  const std::filesystem::path dir = target.parent_path().empty() ? "." : target.parent_path();
  const std::string temp =
      (dir / ("." + target.filename().string() + ".claimkb-" + std::to_string(::getpid()))).string();
  bool ok = false;
  {
    std::ofstream file(temp, std::ios::binary | std::ios::trunc);
    ok = file && file.write(bytes.data(), static_cast<std::streamsize>(bytes.size())) && file.flush();
  }
  const int error = errno;
  if (ok && std::rename(temp.c_str(), path.c_str()) == 0) return true;
  std::remove(temp.c_str());
  err << to_valid_utf8(path) << ":1:1: error: cannot write the file: " << std::strerror(ok ? errno : error) << "\n";
  return false;
}

nlohmann::ordered_json certainty_json(const std::optional<Certainty>& c) {
  if (!c) return nullptr;
  return std::string(to_string(*c));
}

std::string dump(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool read_whole(const std::string& path, std::string& bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  bytes = s.str();
  return !in.bad();
}

std::optional<std::vector<CitationSource>> read_sources(const std::vector<std::string>& files, std::ostream& err) {
  std::vector<CitationSource> sources;
  for (const auto& f : files) {
    CitationSource s;
    s.file = f;
    if (!read_whole(f, s.bytes)) {
      err << to_valid_utf8(f) << ":1:1: error: cannot read the file\n";
      return std::nullopt;
    }
    sources.push_back(std::move(s));
  }
  return sources;
}

}  // namespace claimkb::cli
