#include "serve_http.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <exception>
#include <mutex>

#include <sys/socket.h>

#include "common.hpp"
#include "serve_answers.hpp"

namespace claimkb::cli {
namespace {

using Clock = std::chrono::steady_clock;

// When the worker thread began the request it is handling (set before routing): the
// logger runs on the same thread once the answer is written.
thread_local Clock::time_point request_start;
thread_local bool request_started = false;

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32] = {};
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr std::size_t kKeepAliveRequests = 10000;

// Sends `a`. A KB answer (cacheable) carries the KB's ETag and Cache-Control, and a
// GET whose If-None-Match names the current tag gets 304 with no body.
void send(const httplib::Request& req, httplib::Response& res, const Answer& a, const std::string& etag, bool cacheable,
          int max_age) {
  if (cacheable) {
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", "public, max-age=" + std::to_string(max_age));
    if (a.status == 200 && req.get_header_value("If-None-Match") == etag) {
      res.status = 304;
      return;
    }
  } else {
    res.set_header("Cache-Control", "no-store");
  }
  res.status = a.status;
  res.set_content(a.body, kJson);
}

}  // namespace

namespace {
std::mutex log_mutex;
std::string log_buffer;  // request lines not yet written (guarded by log_mutex)
constexpr std::size_t kLogBufferBytes = std::size_t{64} * 1024;

void write_out(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}
}  // namespace

void log_line(const std::string& json, bool now) {
  const std::lock_guard<std::mutex> lock(log_mutex);
  log_buffer += json;
  log_buffer += '\n';
  if (now || log_buffer.size() >= kLogBufferBytes) {
    write_out(log_buffer);
    log_buffer.clear();
  }
}

void flush_log() {
  const std::lock_guard<std::mutex> lock(log_mutex);
  if (log_buffer.empty()) return;
  write_out(log_buffer);
  log_buffer.clear();
}

bool widen_backlog(const ListenSocket& listening) {
  return listening.fd >= 0 && ::listen(listening.fd, SOMAXCONN) == 0;
}

void set_up_server(httplib::Server& server, KbSlot& slot, const ServeLimits& limits, const std::atomic<bool>& stopping,
                   ListenSocket& listening) {
  const std::size_t threads = limits.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(limits.max_body);
  server.set_read_timeout(limits.timeout_seconds, 0);
  server.set_write_timeout(limits.timeout_seconds, 0);
  server.set_keep_alive_timeout(limits.timeout_seconds);
  // A connection answers up to this many requests before it is closed (httplib's
  // default, 5, makes a client or proxy reconnect all the time), and each answer
  // goes out at once rather than waiting on Nagle's algorithm for the client's ACK.
  server.set_keep_alive_max_count(kKeepAliveRequests);
  server.set_tcp_nodelay(true);
  // Keep the listening socket, to widen its backlog once bound (widen_backlog()).
  server.set_socket_options([&listening](int sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listening.fd = sock;
  });
  const int max_age = limits.max_age_seconds;

  // Every KB route: the KB is taken once, so a request finishes on the KB it began on
  // even when a reload swaps in another meanwhile.
  auto route = [&slot, max_age](bool cacheable, auto answer) {
    return [&slot, max_age, cacheable, answer](const httplib::Request& req, httplib::Response& res) {
      const std::shared_ptr<const ServedKb> served = slot.get();
      send(req, res, answer(served->kb, req), served->etag, cacheable, max_age);
    };
  };
  auto needs_q = [](auto answer) {
    return [answer](const KnowledgeBase& kb, const httplib::Request& req) {
      if (!req.has_param("q") || req.get_param_value("q").empty()) {
        return error_answer(400, "the query parameter q is required");
      }
      return answer(kb, req);
    };
  };

  // The verdict by id, the answer asked most: worked out once per KB and id, then
  // sent from the KB's cache (only 200 answers are kept, one per claim at most).
  server.Get(R"(/v1/claims/([^/]+))", [&slot, max_age](const httplib::Request& req, httplib::Response& res) {
    const std::shared_ptr<const ServedKb> served = slot.get();
    const std::string id = req.matches[1].str();
    std::shared_ptr<const Answer> a = served->verdicts.find(id);
    if (!a) {
      a = std::make_shared<const Answer>(claim_answer(served->kb, id));
      if (a->status == 200) served->verdicts.put(id, a);
    }
    send(req, res, *a, served->etag, true, max_age);
  });
  server.Get("/v1/claims",
             route(true, [](const KnowledgeBase& kb, const httplib::Request&) { return claims_answer(kb); }));
  server.Get("/v1/verdict", route(true, needs_q([](const KnowledgeBase& kb, const httplib::Request& req) {
                                    return verdict_answer(kb, req.get_param_value("q"));
                                  })));
  server.Get("/v1/search", route(true, needs_q([](const KnowledgeBase& kb, const httplib::Request& req) {
                                   return search_answer(kb, req.get_param_value("q"), req.get_param_value("limit"));
                                 })));
  server.Post("/v1/check", route(false, [](const KnowledgeBase& kb, const httplib::Request& req) {
                return check_answer(kb, req.body);
              }));
  server.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(dump({{"status", "ok"}}) + "\n", kJson);
  });
  server.Get("/readyz", [&slot, &stopping](const httplib::Request&, httplib::Response& res) {
    const std::shared_ptr<const ServedKb> served = slot.get();
    res.set_header("Cache-Control", "no-store");
    res.status = stopping ? 503 : 200;
    res.set_content(dump({{"ready", !stopping}, {"etag", served->etag}, {"claims", served->kb.claim_count()}}) + "\n",
                    kJson);
  });

  server.set_pre_routing_handler([&stopping](const httplib::Request&, httplib::Response& res) {
    request_start = Clock::now();
    request_started = true;
    // Draining before a stop: answer, but ask the client (or proxy) to reconnect
    // elsewhere rather than send more on this connection.
    if (stopping) res.set_header("Connection", "close");
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Errors httplib finds itself (no such route, a body too large, a request it cannot
  // parse) get a JSON body too; answers that have one keep it.
  server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    const char* what = res.status == 404   ? "no such endpoint (see docs/cli.md, serve)"
                       : res.status == 413 ? "the request body is too large"
                       : res.status == 414 ? "the request line is too long"
                                           : "the request is malformed";
    const Answer a = error_answer(res.status, what);
    res.set_content(a.body, kJson);
    return httplib::Server::HandlerResponse::Handled;
  }));
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, const std::exception_ptr&) {
    const Answer a = error_answer(500, "internal error");
    res.status = 500;
    res.set_content(a.body, kJson);
  });
  server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    nlohmann::ordered_json j = {{"time", utc_now()},       {"event", "request"}, {"remote", req.remote_addr},
                                {"method", req.method},    {"path", req.path},   {"status", res.status},
                                {"bytes", res.body.size()}};
    if (request_started) {
      j["ms"] = std::chrono::duration<double, std::milli>(Clock::now() - request_start).count();
      request_started = false;
    }
    log_line(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), false);
  });
}

}  // namespace claimkb::cli
