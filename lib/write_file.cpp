#include "claimkb/write_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace claimkb {
namespace {

Diagnostic cannot_write(const std::string& path, int error) {
  return {path, 0, 0, Diagnostic::Severity::error, std::string("cannot write the file: ") + std::strerror(error)};
}

}  // namespace

std::optional<Diagnostic> write_file_atomically(const std::string& path, std::string_view bytes) {
  std::string temp;
  try {
    const std::filesystem::path target(path);
    // The temporary file must be in the target's directory: rename() is atomic
    // only within one file system.
    temp = (target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path())
               .append("." + target.filename().string() + ".XXXXXX")
               .string();
  } catch (const std::exception&) {
    return cannot_write(path, ENOMEM);
  }
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return cannot_write(path, errno);
  bool ok = true;
  for (std::size_t done = 0; ok && done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  // mkstemp() makes the file private (0600); give it the mode a new file would get.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ok = ok && ::fchmod(fd, 0666 & ~mask) == 0 && ::fsync(fd) == 0;
  const int saved = errno;
  ok = (::close(fd) == 0) && ok;
  if (ok && std::rename(temp.c_str(), path.c_str()) == 0) return std::nullopt;
  const int error = ok ? errno : saved;
  std::remove(temp.c_str());
  return cannot_write(path, error);
}

}  // namespace claimkb
