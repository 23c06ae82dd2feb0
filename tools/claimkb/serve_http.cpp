#include "serve_http.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <exception>
#include <mutex>

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

void log_line(const std::string& json) {
  static std::mutex mutex;
  const std::string line = json + "\n";
  const std::lock_guard<std::mutex> lock(mutex);
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

void set_up_server(httplib::Server& server, KbSlot& slot, const ServeLimits& limits,
                   const std::atomic<bool>& stopping) {
  const std::size_t threads = limits.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(limits.max_body);
  server.set_read_timeout(limits.timeout_seconds, 0);
  server.set_write_timeout(limits.timeout_seconds, 0);
  server.set_keep_alive_timeout(limits.timeout_seconds);
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

  server.Get(R"(/v1/claims/([^/]+))", route(true, [](const KnowledgeBase& kb, const httplib::Request& req) {
               return claim_answer(kb, req.matches[1].str());
             }));
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

  server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_start = Clock::now();
    request_started = true;
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
    log_line(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  });
}

}  // namespace claimkb::cli
