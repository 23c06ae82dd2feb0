// `claimkb serve`'s HTTP side (cpp-httplib): the routes, caching headers, limits,
// JSON errors and the access log. No route reads a file a request names: every
// answer comes from the KB in the slot.
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstddef>

#include "serve_kb.hpp"

namespace claimkb::cli {

struct ServeLimits {
  std::size_t threads = 64;          // connections served at once (one thread each)
  std::size_t max_body = 1U << 20U;  // bytes of a POST body; more: 413
  int timeout_seconds = 10;          // to read a request, and to write an answer
  int max_age_seconds = 60;          // Cache-Control's max-age for KB answers
};

// The socket the server listens on, once bound (-1 before).
struct ListenSocket {
  int fd = -1;
};

// Sets up `server`: the routes over `slot`, the limits, JSON bodies for every error
// and a JSON line on standard error for every request. `stopping` turns /readyz to
// 503 and closes each connection after its answer. `listening` gets the socket when
// the server binds.
void set_up_server(httplib::Server& server, KbSlot& slot, const ServeLimits& limits, const std::atomic<bool>& stopping,
                   ListenSocket& listening);

// Debian's cpp-httplib listens with a backlog of 5 pending connections: a burst of
// new connections overflows it, the kernel drops their SYNs and each client waits a
// second or more to try again. Called once bound, this raises it to SOMAXCONN.
bool widen_backlog(const ListenSocket& listening);

// Writes one structured log line (a JSON object) to standard error, whole and in
// order. With `now` false (the access log) lines wait in a buffer of up to 64 KiB,
// written whole when it fills, by the next line logged with `now`, or by flush_log(),
// which `claimkb serve` calls every second: one write for many requests.
void log_line(const std::string& json, bool now = true);
void flush_log();

}  // namespace claimkb::cli
