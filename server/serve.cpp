// The HTTP side of the sandbox: cpp-httplib's server, its limits, signals (serve_setup.cpp: the start-up).
#include <voip_app/serve.hpp>

#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>

#include <httplib.h>
#include <voip/bundle_json.hpp>
#include "http_server.hpp"
#include "sandbox.hpp"
#include "serve_setup.hpp"

namespace voip_sandbox {

using voip_app::ServeOptions;

namespace {

void answer(const HttpResponse& from, httplib::Response& to) {
    // An armed fault: the answer late, or none at all (the connection closed instead).
    if (from.delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(from.delay_ms));
    if (from.drop) HttpServer::drop_answer();
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

int fail(const std::string& why) {
    std::cerr << "voip-bundle serve: " << why << '\n';
    return 2;
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

void set_limits(HttpServer& server, int threads, std::chrono::milliseconds timeout) {
    // Up to --threads connections, and as many threads at most; one more is answered 503.
    server.set_connection_cap(static_cast<std::size_t>(threads));
    server.set_refusal([](int status, std::string_view rule) {
        const HttpResponse r = refusal(status, rule);
        std::string out = "HTTP/1.1 " + std::to_string(status) + " " + std::string(status_message(status)) + "\r\n";
        for (const auto& [k, v] : r.headers) out += k + ": " + v + "\r\n";
        out += "Connection: close\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(r.body.size());
        return out + "\r\n\r\n" + r.body;
    });
    // Measured here: without these, ~150 requests/s a connection (Nagle against
    // delayed ACKs) and a keep-alive connection closed after 5 requests.
    server.set_tcp_nodelay(true);
    server.set_keep_alive_max_count(1000000);
    server.set_timeouts(timeout, timeout);
    server.set_payload_max_length(voip::max_body_size);
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
            if (const auto [status, rule] = HttpServer::stream_refusal(); status != 0) answer(refusal(status, rule), res);
            else answer(refusal(too_large || res.status == 413 ? 413 : 400, "malformed_request"), res);
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
    // A GET, DELETE or OPTIONS with no body is answered before httplib's routing, which would
    // match its path against each route's std::regex first. One that announces a body goes
    // through it as before: httplib reads a DELETE's by its Content-Length, and the connection
    // closes after the answer when a body is left unread (http_server.cpp).
    server.set_pre_routing_handler([handler](const httplib::Request& r, httplib::Response& res) {
        if (refuse_before_routing(r, res) == httplib::Server::HandlerResponse::Handled) return httplib::Server::HandlerResponse::Handled;
        const bool bodyless_route = r.method == "GET" || r.method == "DELETE" || r.method == "OPTIONS";
        if (!bodyless_route || r.has_header("Content-Length") || r.has_header("Transfer-Encoding")) {
            return httplib::Server::HandlerResponse::Unhandled;
        }
        handler(r, res);
        return httplib::Server::HandlerResponse::Handled;
    });
    server.Get(".*", handler);
    server.Post(".*", with_body);
    server.Put(".*", with_body);
    server.Delete(".*", handler);
    server.Patch(".*", with_body);
    server.Options(".*", handler);
    // What httplib refuses itself (a malformed request line, 413, 414, an unknown method) gets an envelope too.
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        // The connection loop stopped reading (a deadline or a bound passed): its refusal.
        if (const auto [status, rule] = HttpServer::stream_refusal(); status != 0) {
            res.headers.clear();
            answer(refusal(status, rule), res);
        } else if (res.body.empty()) {
            answer(refusal(res.status, "malformed_request"), res);
        }
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

// Serves until SIGINT or SIGTERM (in-flight requests finish, a clock move at its next
// slice's end); whether listening succeeded.
bool serve_until_stopped(HttpServer& server, Sandbox& sandbox, const sigset_t& stop_signals) {
    std::atomic<bool> done{false};
    std::thread watcher([&] {
        const timespec tick{0, 200'000'000};
        while (!done) {
            if (sigtimedwait(&stop_signals, nullptr, &tick) > 0) {
                // stop() does nothing before listen_after_bind() has started: a signal sent
                // right after the banner would be lost. Wait until it runs (or has failed).
                while (!server.is_running() && !done) std::this_thread::sleep_for(std::chrono::milliseconds(5));
                sandbox.stop_moves();  // a move in flight ends at its slice's end, not its last day
                server.halt();  // in-flight requests finish; idle keep-alive connections close at once
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
    if (o.threads < 1 || o.threads > 16384) return fail("--threads: want 1..16384");
    if (o.timeout_ms < 100 || o.timeout_ms > 60000) return fail("--timeout-ms: want 100..60000");
    const auto db = database_path(o.db);
    if (!db) return fail(db.error());
    auto setup = setup_of(o, *db);
    if (!setup) return fail(setup.error());
    const sigset_t stop_signals = block_stop_signals();

    std::optional<Sandbox> sandbox;
    try {
        sandbox.emplace(std::move(setup->config), std::move(setup->options));
    } catch (const std::exception& e) {
        return fail("--db " + *db + ": " + e.what());
    }

    socket_t listening = -1;  // before the server: the server's socket callback refers to it
    HttpServer server;
    set_limits(server, o.threads, std::chrono::milliseconds(o.timeout_ms));
    route(server, *sandbox);
    const int port = bind_listening(server, *listen, listening);
    if (port < 0) return fail("cannot listen on " + o.listen + " (in use, or not an address of this machine)");
    const std::string url = url_of(*listen, port);
    if (!o.credentials_file.empty())
        if (const std::string why = write_credentials(o.credentials_file, sandbox->config().accounts.front(), url); !why.empty())
            return fail(why);
    print_banner(o, *db, url, *sandbox);

    const bool served = serve_until_stopped(server, *sandbox, stop_signals);
    sandbox.reset();  // the database closed (its WAL checkpointed) before the exit
    std::cout << "voip-bundle sandbox stopped\n" << std::flush;
    return served ? 0 : 2;
}
