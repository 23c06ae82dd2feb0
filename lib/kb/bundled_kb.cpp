// Finding the bundled KB at run time.
//
// An installed prefix can be anywhere (a package manager's, /opt/..., an app
// bundle), so a path fixed at build time would break on the first move. The file
// that holds this code is always in the prefix, though: dladdr() names it, and the
// install layout says how to get from its directory to the data directory. For a
// shared library that file is lib*/libclaimkb.so; for a static library it is the
// executable that linked it, normally in bin/.
#include "kb/bundled_kb.hpp"

#include <dlfcn.h>
#if defined(__GLIBC__)
#include <link.h>
#endif

#include <filesystem>
#include <system_error>

#if !defined(CLAIMKB_BUNDLED_KB) || !defined(CLAIMKB_KB_FROM_LIBDIR) || !defined(CLAIMKB_KB_FROM_BINDIR)
#error "the build must define CLAIMKB_BUNDLED_KB, CLAIMKB_KB_FROM_LIBDIR and CLAIMKB_KB_FROM_BINDIR"
#endif

namespace claimkb::detail {
namespace fs = std::filesystem;
namespace {

// Any object in this library: its address tells dladdr() which file we were loaded from.
const char anchor = 0;

// The file (shared library or executable) this code was loaded from; empty if unknown.
fs::path own_file() {
  Dl_info info{};
#if defined(__GLIBC__)
  // glibc names the main program by argv[0], which may be relative or a bare name
  // found on $PATH; the kernel's /proc/self/exe is the real file.
  link_map* map = nullptr;
  if (dladdr1(&anchor, &info, reinterpret_cast<void**>(&map), RTLD_DL_LINKMAP) == 0) return {};
  if (map != nullptr && (map->l_name == nullptr || map->l_name[0] == '\0')) {
    return "/proc/self/exe";
  }
#else
  if (dladdr(&anchor, &info) == 0) return {};
#endif
  return info.dli_fname != nullptr ? fs::path(info.dli_fname) : fs::path();
}

bool is_kb(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "claims", ec) && fs::is_directory(dir / "citations", ec);
}

}  // namespace

std::string find_bundled_kb() {
  std::error_code ec;
  // Resolve symlinks first: libclaimkb.so.0 -> libclaimkb.so.0.1.0, or a command
  // linked into /usr/local/bin from the prefix.
  const fs::path file = fs::canonical(own_file(), ec);
  if (!ec && !file.empty()) {
    for (const char* relative : {CLAIMKB_KB_FROM_LIBDIR, CLAIMKB_KB_FROM_BINDIR}) {
      const fs::path dir = (file.parent_path() / relative).lexically_normal();
      if (is_kb(dir)) return dir.string();
    }
  }
  return CLAIMKB_BUNDLED_KB;
}

}  // namespace claimkb::detail
