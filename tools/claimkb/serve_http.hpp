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
  std::size_t threads = 8;           // requests handled at once
  std::size_t max_body = 1U << 20U;  // bytes of a POST body; more: 413
  int timeout_seconds = 10;          // to read a request, and to write an answer
  int max_age_seconds = 60;          // Cache-Control's max-age for KB answers
};

// Sets up `server`: the routes over `slot`, the limits, JSON bodies for every error
// and a JSON line on standard error for every request. `stopping` turns /readyz to 503.
void set_up_server(httplib::Server& server, KbSlot& slot, const ServeLimits& limits, const std::atomic<bool>& stopping);

// Writes one structured log line (a JSON object) to standard error, whole.
void log_line(const std::string& json);

}  // namespace claimkb::cli
