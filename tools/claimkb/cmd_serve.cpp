// `claimkb serve [--listen ADDR:PORT] [--threads N]`: the KB's answers over HTTP,
// read-only JSON (docs/cli.md, serve). SIGHUP, or the snapshot file replaced by
// rename, reloads the KB; SIGTERM or SIGINT stop the server once the requests in
// flight are answered (after --drain seconds of answering with /readyz at 503).
#include <csignal>
#include <ctime>
#include <ostream>
#include <sstream>
#include <thread>

#include <pthread.h>
#include <sys/stat.h>

#include "common.hpp"
#include "serve_http.hpp"
#include "serve_kb.hpp"

namespace claimkb::cli {
namespace {

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  ServeLimits limits;
  int drain_seconds = 0;  // after SIGTERM: answer, /readyz 503, for this long; then stop
};

// What identifies the file at `path`: a rename over it changes the inode.
std::string file_identity(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return "";
  return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" +
         std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

void log_event(const nlohmann::ordered_json& j) {
  log_line(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// Opens the KB again and swaps it in; a KB that fails to open leaves the old one
// serving, and the log says why.
void reload(KbSlot& slot, const std::string& path, const char* why) {
  std::ostringstream errors;
  int exit = kDone;
  std::shared_ptr<const ServedKb> fresh = load_served_kb(path, errors, exit);
  if (!fresh) {
    log_event({{"event", "reload"}, {"ok", false}, {"why", why}, {"errors", errors.str()}});
    return;
  }
  const std::string etag = fresh->etag;
  const std::size_t claims = fresh->kb.claim_count();
  slot.set(std::move(fresh));
  log_event({{"event", "reload"}, {"ok", true}, {"why", why}, {"etag", etag}, {"claims", claims}});
}

int run(const Options& o, const ServeArgs& a, Io& io) {
  const std::size_t colon = a.listen.rfind(':');
  int port = -1;
  if (colon != std::string::npos) {
    try {
      port = std::stoi(a.listen.substr(colon + 1));
    } catch (const std::exception&) {
      port = -1;
    }
  }
  if (colon == std::string::npos || colon == 0 || port < 0 || port > 65535) {
    io.err << "claimkb serve: --listen must be ADDR:PORT, e.g. 127.0.0.1:8080 (port 0: any free port)\n";
    return kUsage;
  }
  const std::string host = a.listen.substr(0, colon);
  const std::string path = o.kb.empty() ? KnowledgeBase::default_path() : o.kb;
  int exit = kDone;
  std::shared_ptr<const ServedKb> first = load_served_kb(path, io.err, exit);
  if (!first) return exit;
  KbSlot slot(first);
  first.reset();

  // The signals are taken by this thread alone (sigtimedwait below): block them
  // before any other thread starts, so that every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  for (const int s : {SIGHUP, SIGTERM, SIGINT}) sigaddset(&signals, s);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::atomic<bool> stopping{false};
  httplib::Server server;
  ListenSocket listening;
  set_up_server(server, slot, a.limits, stopping, listening);
  const int bound = port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound < 0 || !widen_backlog(listening)) {
    io.err << "claimkb serve: cannot listen on " << a.listen << "\n";
    return kIo;
  }
  // The first line on standard output says where it listens (port 0 picks one).
  const nlohmann::ordered_json where = {
      {"event", "listening"}, {"host", host}, {"port", bound}, {"etag", slot.get()->etag}};
  io.out << where.dump() << std::endl;  // one line
  log_event({{"event", "listening"}, {"host", host}, {"port", bound}, {"kb", path}});
  std::thread listener([&server] { server.listen_after_bind(); });

  std::string identity = file_identity(path);
  for (;;) {
    const timespec second{1, 0};
    const int s = sigtimedwait(&signals, nullptr, &second);
    flush_log();
    if (s == SIGHUP) {
      reload(slot, path, "SIGHUP");
      identity = file_identity(path);
    } else if (s == SIGTERM || s == SIGINT) {
      break;
    } else if (!identity.empty()) {
      const std::string now = file_identity(path);
      if (!now.empty() && now != identity) {
        identity = now;
        reload(slot, path, "snapshot file replaced");
      }
    }
  }
  stopping = true;
  log_event({{"event", "stopping"}, {"drain_seconds", a.drain_seconds}});
  // Draining: /readyz says 503, so a load balancer's health check takes this replica
  // out of rotation, while requests still get answers (each closing its connection).
  // A second SIGTERM or SIGINT cuts the wait short.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  for (int left = a.drain_seconds; left > 0; --left) {
    const timespec second{1, 0};
    const int s = sigtimedwait(&stop_signals, nullptr, &second);
    flush_log();
    if (s == SIGTERM || s == SIGINT) break;
  }
  server.stop();  // answers what is in flight, then returns from listen_after_bind()
  listener.join();
  flush_log();
  return kDone;
}

Run setup(CLI::App& app) {
  auto a = std::make_shared<ServeArgs>();
  app.add_option("--listen", a->listen, "ADDR:PORT to listen on (default 127.0.0.1:8080; port 0: any free port)");
  app.add_option("--threads", a->limits.threads, "connections served at once, one thread each (default 64)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--max-body", a->limits.max_body, "largest POST body in bytes (default 1048576)")
      ->check(CLI::Range(1, 1 << 30));
  app.add_option("--timeout", a->limits.timeout_seconds, "seconds to read a request or write an answer (default 10)")
      ->check(CLI::Range(1, 3600));
  app.add_option("--max-age", a->limits.max_age_seconds, "Cache-Control max-age of answers, seconds (default 60)")
      ->check(CLI::Range(0, 86400));
  app.add_option("--drain", a->drain_seconds,
                 "seconds to keep answering after SIGTERM, with /readyz at 503, before stopping (default 0)")
      ->check(CLI::Range(0, 3600));
  return [a](const Options& o, Io& io) { return run(o, *a, io); };
}

}  // namespace

const Command kServeCommand{"serve", "answer over HTTP: read-only JSON endpoints (docs/cli.md, serve)", setup};

}  // namespace claimkb::cli
