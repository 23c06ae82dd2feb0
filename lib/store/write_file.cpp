#include "store/write_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

namespace claimkb::detail {
namespace {

Diagnostic cannot_write(const std::string& path, int error) {
  return {path,
          0,
          0,
          Diagnostic::Severity::error,
          std::string("cannot write the file: ") + std::strerror(error),
          Diagnostic::Code::io};
}

// Creates a new file `prefix` + random hex digits, with mode 0666 less the umask as
// for any new file (mkstemp() would make it 0600, and fixing that with umask() would
// briefly change the mode of files every thread of the process creates).
int create_temp(const std::string& prefix, std::string& name) {
  static std::atomic<std::uint64_t> counter{0};
  std::mt19937_64 random(static_cast<std::uint64_t>(::getpid()) * 0x9E3779B97F4A7C15ULL ^
                         static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
                         counter.fetch_add(1));
  for (int attempt = 0; attempt < 100; ++attempt) {
    char suffix[17];
    std::snprintf(suffix, sizeof suffix, "%016llx", static_cast<unsigned long long>(random()));
    name = prefix + suffix;
    const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;  // errno is EEXIST
}

}  // namespace

std::optional<Diagnostic> write_file_atomically(const std::string& path, const std::vector<std::string_view>& pieces) {
  std::string prefix, dir, temp;
  try {
    const std::filesystem::path target(path);
    // The temporary file must be in the target's directory: rename() is atomic
    // only within one file system.
    const std::filesystem::path parent = target.parent_path().empty() ? "." : target.parent_path();
    dir = parent.string();
    prefix = (parent / ("." + target.filename().string() + ".")).string();
  } catch (const std::exception&) {
    return cannot_write(path, ENOMEM);
  }
  const int fd = create_temp(prefix, temp);
  if (fd < 0) return cannot_write(path, errno);
  bool ok = true;
  for (std::string_view bytes : pieces) {
    for (std::size_t done = 0; ok && done < bytes.size();) {
      const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      ok = n > 0;
      if (ok) done += static_cast<std::size_t>(n);
    }
  }
  ok = ok && ::fsync(fd) == 0;
  const int saved = errno;
  ok = (::close(fd) == 0) && ok;
  if (ok && std::rename(temp.c_str(), path.c_str()) == 0) {
    // The rename itself is durable once the directory is flushed too.
    const int d = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (d >= 0) {
      ::fsync(d);
      ::close(d);
    }
    return std::nullopt;
  }
  const int error = ok ? errno : saved;
  std::remove(temp.c_str());
  return cannot_write(path, error);
}

}  // namespace claimkb::detail
