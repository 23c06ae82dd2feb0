#include "atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <ostream>

namespace claimkb::cli {

bool write_file_atomically(const std::string& path, const std::string& text, std::ostream& err) {
  const std::filesystem::path target(path);
  // The temporary file must be in the target's directory: rename() is atomic only
  // within one file system.
  std::string temp = (target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path())
                         .append("." + target.filename().string() + ".XXXXXX")
                         .string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    err << "claimkb: cannot write " << path << ": " << std::strerror(errno) << "\n";
    return false;
  }
  bool ok = true;
  for (std::size_t done = 0; ok && done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
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
  if (ok && std::rename(temp.c_str(), path.c_str()) == 0) return true;
  err << "claimkb: cannot write " << path << ": " << std::strerror(ok ? errno : saved) << "\n";
  std::remove(temp.c_str());
  return false;
}

}  // namespace claimkb::cli
