// The HTTP side of the sandbox: cpp-httplib's server, its limits, signals, the start-up banner.
#include <voip_app/serve.hpp>

#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <httplib.h>
#include <voip/bundle_nlohmann.hpp>

#include "http_server.hpp"
#include "openapi.hpp"
#include "sandbox.hpp"

namespace voip_sandbox {

using voip_app::ServeOptions;

namespace {

constexpr std::size_t max_header_count = 100;
constexpr std::size_t max_header_bytes = 8 * 1024;
constexpr std::chrono::milliseconds io_timeout{5000};  // a slow or idle client is cut after it

// VOIP_SANDBOX_TIMEOUT_MS (100..5000) shortens the timeout, so tests that wait for a client
// to be cut need not wait 5 s each; anything else keeps the 5 s.
std::chrono::milliseconds timeout_from_environment() {
    const char* text = std::getenv("VOIP_SANDBOX_TIMEOUT_MS");
    if (text == nullptr) return io_timeout;
    long ms = 0;
    const auto [end, ec] = std::from_chars(text, text + std::strlen(text), ms);
    if (ec != std::errc{} || *end != '\0' || ms < 100 || ms > io_timeout.count()) return io_timeout;
    return std::chrono::milliseconds(ms);
}

struct Listen {
    std::string host;
    int port = 0;
};

std::optional<Listen> parse_listen(const std::string& text) {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) return std::nullopt;
    Listen l{text.substr(0, colon), 0};
    const char* first = text.data() + colon + 1;
    const char* last = text.data() + text.size();
    const auto [end, ec] = std::from_chars(first, last, l.port);
    if (ec != std::errc{} || end != last || first == last || l.port < 0 || l.port > 65535) return std::nullopt;
    if (l.host.size() > 2 && l.host.front() == '[' && l.host.back() == ']') l.host = l.host.substr(1, l.host.size() - 2);
    return l;
}

void answer(const HttpResponse& from, httplib::Response& to) {
    to.status = from.status;
    for (const auto& [k, v] : from.headers) to.set_header(k, v);
    to.set_content(from.body, "application/json");
}

// The sandbox's request from httplib's: the target as sent, so the sandbox decodes it itself.
HttpRequest request_of(const httplib::Request& r) {
    HttpRequest out{r.method, r.target, {}, r.body};
    out.headers.reserve(r.headers.size());
    for (const auto& [k, v] : r.headers) out.headers.emplace_back(k, v);
    return out;
}

void print_banner(const ServeOptions& o, const Listen& l, int port, Sandbox& s) {
    std::ostringstream out;
    out << "voip-bundle sandbox " << VOIP_BUNDLE_CLI_VERSION << " listening on http://" << l.host << ':' << port
        << " (database " << o.db << ", " << o.threads << " threads); stop with Ctrl-C\n";
    if (s.config().generated) {
        const AccountConfig& a = s.config().accounts.front();
        const nlohmann::json prices = a.prices;
        out << "account (generated; give --config FILE for your own):\n"
            << "  X-Auth-Reseller: " << a.reseller << "\n  X-Auth-User: " << a.user
            << "\n  X-Auth-Password: " << a.password << "\n  balance " << a.balance.minor << ", prices " << prices.dump()
            << ", customers (X-Auth-For): " << a.customers.front() << ", today " << voip::to_iso_string(s.today(0)) << '\n'
            << "try: curl -s -H 'X-Auth-Reseller: " << a.reseller << "' -H 'X-Auth-User: " << a.user
            << "' -H 'X-Auth-Password: " << a.password << "' http://" << l.host << ':' << port << "/sandbox/account\n";
    } else {
        out << s.config().accounts.size() << " account(s) from " << o.config << '\n';
    }
    std::cout << out.str() << std::flush;
}

int fail(const std::string& why) {
    std::cerr << "voip-bundle serve: " << why << '\n';
    return 2;
}

struct Setup {
    Config config;
    SandboxOptions options;
};

// The accounts (--config, or one generated) and the sandbox's options, or why not.
tl::expected<Setup, std::string> setup_of(const ServeOptions& o) {
    Setup setup;
    if (o.config.empty()) {
        setup.config = generated_config();
    } else {
        std::ifstream in(o.config, std::ios::binary);
        if (!in) return tl::make_unexpected("--config " + o.config + ": cannot be read");
        std::ostringstream text;
        text << in.rdbuf();
        auto parsed = parse_config(text.str());
        if (!parsed) return tl::make_unexpected("--config " + o.config + ": " + parsed.error());
        setup.config = std::move(*parsed);
    }
    setup.options.db = o.db;
    setup.options.openapi = std::string(openapi_text());
    if (!o.today.empty()) {
        const auto day = voip::parse_iso_date(o.today);
        if (!day)
            return tl::make_unexpected("--today " + o.today + ": " + std::string(voip::name(day.error())) +
                                       " (want YYYY-MM-DD)");
        setup.options.start_day = *day;
    }
    return setup;
}

// Signals are taken by one thread (sigwait), so none lands in a worker mid-request: SIGINT
// and SIGTERM are blocked here, before any thread starts, and waited for by serve_until_stopped.
sigset_t block_stop_signals() {
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);
    return stop_signals;
}

// Before any handler, on the head alone: what httplib's parser let through (http_server.hpp),
// a body announced over the limit (refused at once, its bytes never read: the connection
// closes), then more than max_header_count headers or max_header_bytes of them (431).
httplib::Server::HandlerResponse refuse_before_routing(const httplib::Request& r, httplib::Response& res) {
    const auto refuse = [&res](int status, std::string_view rule) {
        answer(refusal(status, rule), res);
        HttpServer::close_after_answer();
        return httplib::Server::HandlerResponse::Handled;
    };
    if (const HeadCheck* head = HttpServer::current_head()) {
        if (head->error() != HeadError::none) return refuse(400, name(head->error()));
        if (head->has_content_length() && head->content_length() > voip::max_body_size) return refuse(413, "body_too_large");
    }
    std::size_t bytes = 0;
    std::size_t count = 0;
    for (const auto& [k, v] : r.headers) {
        // httplib adds these four to every request's headers: they are not the client's.
        if (k == "REMOTE_ADDR" || k == "REMOTE_PORT" || k == "LOCAL_ADDR" || k == "LOCAL_PORT") continue;
        bytes += k.size() + v.size() + 4;
        ++count;
    }
    if (count > max_header_count) return refuse(431, "too_many_headers");
    if (bytes > max_header_bytes) return refuse(431, "headers_too_large");
    return httplib::Server::HandlerResponse::Unhandled;
}

void set_limits(HttpServer& server, int threads) {
    server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    // Measured (SANDBOX.md 7): without these, ~150 requests/s a connection (Nagle against
    // delayed ACKs) and a keep-alive connection closed after 5 requests.
    server.set_tcp_nodelay(true);
    server.set_keep_alive_max_count(1000000);
    const std::chrono::milliseconds timeout = timeout_from_environment();
    server.set_timeouts(timeout, timeout);
    server.set_payload_max_length(voip::max_body_size);
    server.set_pre_routing_handler(refuse_before_routing);
}

// A request without Content-Length or Transfer-Encoding has no body (RFC 9112 6.3), but
// httplib reads a POST, PUT or PATCH without them until the connection closes: a bodyless
// renew or reset would wait out the 5 s read timeout and be answered 400. These routes read
// the body themselves, only when there is one.
void answer_with_body(Sandbox& sandbox, const httplib::Request& r, httplib::Response& res,
                      const httplib::ContentReader& read) {
    HttpRequest request = request_of(r);
    if (r.has_header("Content-Length") || r.has_header("Transfer-Encoding")) {
        // httplib's payload limit holds for Content-Length, not for chunked bodies: cut them here.
        bool too_large = false;
        const bool whole = read([&request, &too_large](const char* data, std::size_t n) {
            too_large = request.body.size() + n > voip::max_body_size;
            if (!too_large) request.body.append(data, n);
            return !too_large;
        });
        if (!whole) {  // the rest of the body is still on the connection: close it
            answer(refusal(too_large || res.status == 413 ? 413 : 400, "malformed_request"), res);
            return HttpServer::close_after_answer();
        }
    }
    answer(sandbox.handle(request), res);
}

// Every method and path goes to the sandbox, which routes it itself.
void route(httplib::Server& server, Sandbox& sandbox) {
    const auto handler = [&sandbox](const httplib::Request& r, httplib::Response& res) {
        answer(sandbox.handle(request_of(r)), res);
    };
    const auto with_body = [&sandbox](const httplib::Request& r, httplib::Response& res,
                                      const httplib::ContentReader& read) { answer_with_body(sandbox, r, res, read); };
    server.Get(".*", handler);
    server.Post(".*", with_body);
    server.Put(".*", with_body);
    server.Delete(".*", handler);
    server.Patch(".*", with_body);
    server.Options(".*", handler);
    // What httplib refuses itself (a malformed request line, 413, 414, an unknown method) gets an envelope too.
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty()) answer(refusal(res.status, "malformed_request"), res);
    });
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        answer(refusal(500, "internal_error"), res);
    });
}

// The port bound (the one given, or a free one for port 0), or -1.
// cpp-httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, compiled into Debian's
// library): of 64 clients connecting at once, those past the fifth would have their SYN
// dropped and wait 1-3 s to retry. A second listen() on the bound socket raises the backlog.
// Only SO_REUSEADDR (a restart need not wait out TIME_WAIT): httplib's default also sets
// SO_REUSEPORT, with which a second sandbox on the same port starts and takes half the
// connections to another database. `listening` is the caller's: it outlives the server.
int bind_listening(httplib::Server& server, const Listen& l, socket_t& listening) {
    server.set_socket_options([&listening](socket_t sock) {
        const int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        listening = sock;
    });
    int port = l.port;
    if (port == 0) port = server.bind_to_any_port(l.host);
    else if (!server.bind_to_port(l.host, port)) port = -1;
    if (port >= 0 && listening >= 0) ::listen(listening, SOMAXCONN);
    return port;
}

// Serves until SIGINT or SIGTERM (in-flight requests finish); whether listening succeeded.
bool serve_until_stopped(httplib::Server& server, const sigset_t& stop_signals) {
    std::atomic<bool> done{false};
    std::thread watcher([&] {
        const timespec tick{0, 200'000'000};
        while (!done) {
            if (sigtimedwait(&stop_signals, nullptr, &tick) > 0) {
                // stop() does nothing before listen_after_bind() has started: a signal sent
                // right after the banner would be lost. Wait until it runs (or has failed).
                while (!server.is_running() && !done) std::this_thread::sleep_for(std::chrono::milliseconds(5));
                server.stop();  // in-flight requests finish; keep-alive connections close after them
                return;
            }
        }
    });
    const bool served = server.listen_after_bind();
    done = true;
    watcher.join();
    return served;
}

}  // namespace
}  // namespace voip_sandbox

// The command's entry into the sandbox, declared in the layer below both (voip_app/serve.hpp).
int voip_app::serve(const ServeOptions& o) {
    using namespace voip_sandbox;
    const auto listen = parse_listen(o.listen);
    if (!listen) return fail("--listen " + o.listen + ": want HOST:PORT, e.g. 127.0.0.1:8080");
    if (o.threads < 1 || o.threads > 1024) return fail("--threads: want 1..1024");
    auto setup = setup_of(o);
    if (!setup) return fail(setup.error());
    const sigset_t stop_signals = block_stop_signals();

    std::optional<Sandbox> sandbox;
    try {
        sandbox.emplace(std::move(setup->config), std::move(setup->options));
    } catch (const std::exception& e) {
        return fail("--db " + o.db + ": " + e.what());
    }

    socket_t listening = -1;  // before the server: the server's socket callback refers to it
    HttpServer server;
    set_limits(server, o.threads);
    route(server, *sandbox);
    const int port = bind_listening(server, *listen, listening);
    if (port < 0) return fail("cannot listen on " + o.listen + " (in use, or not an address of this machine)");
    print_banner(o, *listen, port, *sandbox);

    const bool served = serve_until_stopped(server, stop_signals);
    sandbox.reset();  // the database closed (its WAL checkpointed) before the exit
    std::cout << "voip-bundle sandbox stopped\n" << std::flush;
    return served ? 0 : 2;
}
