// A knowledge base written into a fresh temporary directory, removed afterwards.
#pragma once

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace claimkb::test {

class TempKb {
 public:
  TempKb() {
    static std::atomic<int> counter{0};
    root_ = std::filesystem::temp_directory_path() /
            ("claimkb-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_ / "claims");
    std::filesystem::create_directories(root_ / "citations");
  }
  ~TempKb() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  TempKb(const TempKb&) = delete;
  TempKb& operator=(const TempKb&) = delete;

  // Writes `text` to `relative` (e.g. "claims/a.yaml"), creating directories.
  std::string write(const std::string& relative, const std::string& text) {
    const auto path = root_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  std::string path() const { return root_.string(); }

 private:
  std::filesystem::path root_;
};

// A minimal valid citation, for tests about claims.
inline const char* kRctCitation =
    "id: trial1\n"
    "design: rct\n"
    "title: A trial\n"
    "authors: [Smith J]\n"
    "year: 2001\n"
    "journal: J Test\n"
    "n: 500\n";

}  // namespace claimkb::test
