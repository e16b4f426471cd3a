// The sandbox's connection loop around httplib's request parser (http_server.hpp).
#include "http_server.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <system_error>
#include <utility>

#include "connection_stream.hpp"

namespace voip_sandbox {

namespace {

// The connection a loop thread serves: its handlers run on that thread, and reach their
// connection through this.
thread_local Connection* current_connection = nullptr;

// Bytes the client still sends after a refusal are read and dropped this long.
constexpr std::chrono::milliseconds linger_time{200};

}  // namespace

// A connection, parked on the event loop whenever it waits for its client.
struct HttpServer::Link final : Parked {
    enum class Phase : std::uint8_t {
        idle,     // between requests: closed at its deadline
        request,  // a request arriving: answered 408 at its deadline
        linger,   // after a refusal: closed at its deadline or when the client closes
    };
    Link(socket_t s, std::chrono::milliseconds io, std::size_t max_body, std::size_t requests)
        : stream(s, io, max_body, connection), left(requests) {
        sock = s;
    }
    Connection connection;
    ConnectionStream stream;
    Phase phase = Phase::idle;
    std::size_t left;  // requests it may still make
    EventLoop::Clock::time_point deadline;
};

namespace {

// httplib's accept loop hands each connection to its task queue: here the task parks it at
// once, on the accept loop's thread (HttpServer::process_and_close_socket), and the
// event loop's threads serve it.
class ParkingQueue : public httplib::TaskQueue {
public:
    explicit ParkingQueue(std::function<void()> drain) : drain_(std::move(drain)) {}
    void enqueue(std::function<void()> fn) override { fn(); }
    void shutdown() override { drain_(); }

private:
    std::function<void()> drain_;
};

}  // namespace

HttpServer::HttpServer()
    : loop_(4096, [this](std::unique_ptr<Parked> p, Wake wake) {
          serve(std::unique_ptr<Link>(static_cast<Link*>(p.release())), wake);
      }) {
    new_task_queue = [this] { return new ParkingQueue([this] { drain(); }); };
    set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        Connection* c = current_connection;
        if (c == nullptr) return;
        const HeadCheck& h = c->head;
        // GET, HEAD and OPTIONS handlers read no body, and httplib reads a DELETE's only by its
        // Content-Length: a body sent anyway is still on the connection.
        const bool bodyless = req.method == "GET" || req.method == "HEAD" || req.method == "OPTIONS";
        const bool unread = (bodyless && (h.content_length() > 0 || h.chunked())) || (req.method == "DELETE" && h.chunked());
        if (!h.done() || h.error() != HeadError::none || unread) c->close = true;
        if (!c->close) return;
        res.headers.erase("Keep-Alive");
        if (!res.has_header("Connection")) res.set_header("Connection", "close");
    });
}

void HttpServer::set_timeouts(std::chrono::milliseconds idle, std::chrono::milliseconds io) {
    idle_ = idle;
    io_ = io;
    request_ = io;
    // httplib's own settings, for what it still times itself; whole seconds, at least one.
    const auto seconds = static_cast<time_t>(std::max<std::int64_t>(1, (idle.count() + 999) / 1000));
    set_keep_alive_timeout(seconds);
    set_read_timeout(io.count() / 1000, (io.count() % 1000) * 1000);
    set_write_timeout(io.count() / 1000, (io.count() % 1000) * 1000);
}

const HeadCheck* HttpServer::current_head() noexcept {
    return current_connection ? &current_connection->head : nullptr;
}

void HttpServer::close_after_answer() noexcept {
    if (current_connection) current_connection->close = true;
}

void HttpServer::drop_answer() noexcept {
    if (current_connection) current_connection->close = current_connection->drop = true;
}

// Past the connection cap, on the accept loop's thread: 503 at once, without waiting for
// the request (what has come of it is dropped), then the close.
void HttpServer::refuse_connection(socket_t sock) const {
    char drop[4096];
    while (::recv(sock, drop, sizeof drop, MSG_DONTWAIT) > 0) {
    }
    const std::string answer = refusal_ ? refusal_(503, "too_many_connections") : std::string();
    [[maybe_unused]] const ssize_t n = ::send(sock, answer.data(), answer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    ::shutdown(sock, SHUT_WR);
}

void HttpServer::set_connection_cap(std::size_t cap) {
    cap_ = std::max<std::size_t>(1, cap);
    loop_.set_max_threads(cap_);
}

bool HttpServer::process_and_close_socket(socket_t sock) {
    if (open_.fetch_add(1) >= cap_) {
        open_.fetch_sub(1);
        refuse_connection(sock);
        ::close(sock);
        return false;
    }
    auto link = std::make_unique<Link>(sock, io_, payload_max_length_, keep_alive_max_count_);
    link->deadline = EventLoop::Clock::now() + idle_;
    park(std::move(link));
    return true;
}

void HttpServer::park(std::unique_ptr<Link> link) {
    const auto deadline = link->deadline;
    loop_.park(std::move(link), deadline);
}

void HttpServer::close(std::unique_ptr<Link> link) {
    link->stream.flush();
    ::shutdown(link->sock, SHUT_RDWR);
    ::close(link->sock);
    open_.fetch_sub(1);
}

void HttpServer::linger(std::unique_ptr<Link> link) {
    link->stream.start_linger();
    link->phase = Link::Phase::linger;
    link->deadline = EventLoop::Clock::now() + linger_time;
    park(std::move(link));
}

void HttpServer::refuse(std::unique_ptr<Link> link) {
    Connection& c = link->connection;
    // Refused before httplib could answer (the request line unfinished): answered here.
    if (c.written == 0 && refusal_) {
        const std::string answer = refusal_(c.refuse, c.rule);
        link->stream.write(answer.data(), answer.size());
    }
    linger(std::move(link));
}

void HttpServer::serve(std::unique_ptr<Link> link, Wake wake) {
    if (link->phase == Link::Phase::linger) {
        if (wake == Wake::readable && link->stream.drop()) return park(std::move(link));
        return close(std::move(link));
    }
    // A stop closes a connection between requests, and cuts one whose head is still arriving
    // without an answer: no handler has seen it, so nothing it asked for was done. A request
    // whose head has come is in flight: it is answered, its body read as it comes.
    if (wake == Wake::stop) {
        const Connection& c = link->connection;
        if (link->phase == Link::Phase::request && c.head.done() && c.refuse == 0) return finish(std::move(link));
        return close(std::move(link));
    }
    if (wake == Wake::deadline && link->phase == Link::Phase::idle) return close(std::move(link));
    if (wake == Wake::deadline) {
        link->connection.refuse_with(408, "request_timeout");
        return refuse(std::move(link));
    }
    serve_requests(std::move(link), false);
}

// Answers each request once it is buffered whole, then parks the connection for the next
// bytes. `last`: the request whose head has come is answered, without waiting here for its
// body, and the connection closes.
void HttpServer::serve_requests(std::unique_ptr<Link> link, bool last) {
    ConnectionStream& stream = link->stream;
    Connection& c = link->connection;
    for (;;) {
        if (link->phase == Link::Phase::idle && stream.buffered()) start_request(*link);
        const auto ready = [&] {
            return link->phase == Link::Phase::request && (stream.request_buffered() || (last && c.head.done()));
        };
        while (c.refuse == 0 && !ready()) {
            const ConnectionStream::Fill got = stream.fill();
            if (got == ConnectionStream::Fill::closed) return close(std::move(link));
            if (link->phase == Link::Phase::request) stream.check_head();
            else if (stream.buffered()) start_request(*link);
            if (got == ConnectionStream::Fill::none) return stream.flush() ? park(std::move(link)) : close(std::move(link));
        }
        if (c.refuse != 0) return refuse(std::move(link));  // a bound passed while the head arrived
        bool closed = false;
        current_connection = &c;
        const bool ok = process_request(stream, link->left == 1, closed, nullptr);
        current_connection = nullptr;
        --link->left;
        if (c.refuse != 0) return refuse(std::move(link));
        // Each answer leaves before the next pipelined request runs (it may be a long one).
        if (last || !ok || closed || c.close || link->left == 0 || !stream.flush() || loop_.stopped())
            return close(std::move(link));
        link->phase = Link::Phase::idle;
        link->deadline = EventLoop::Clock::now() + idle_;
        stream.shrink();
    }
}

// At a stop, a request whose head has come is answered on a thread of its own: its body may
// take up to its deadline, and the stop does not wait for it before it closes the rest.
void HttpServer::finish(std::unique_ptr<Link> link) {
    std::lock_guard<std::mutex> lock(finishing_mutex_);
    Link* const l = link.get();
    try {
        finishing_.emplace_back([this, l] { serve_requests(std::unique_ptr<Link>(l), true); });
        [[maybe_unused]] Link* const owned_by_the_thread = link.release();
    } catch (const std::system_error&) {  // no thread: closed unanswered, as a head still arriving is
        close(std::move(link));
    }
}

void HttpServer::drain() {
    loop_.join();
    std::vector<std::thread> finishing;
    {
        std::lock_guard<std::mutex> lock(finishing_mutex_);
        finishing.swap(finishing_);
    }
    for (auto& t : finishing) t.join();
}

// A request's deadline runs from its first byte; its head is checked from there.
void HttpServer::start_request(Link& link) const {
    link.connection.head = HeadCheck{};
    link.connection.written = 0;
    link.phase = Link::Phase::request;
    link.deadline = EventLoop::Clock::now() + request_;
    link.stream.start_request(link.deadline);
}

void HttpServer::halt() {
    // The loop first: the requests in flight are handed to their threads before the accept
    // loop ends and drain() collects those threads (the sandbox closes after that).
    loop_.stop();
    stop();
}

HttpServer::~HttpServer() {
    drain();
}

std::pair<int, std::string_view> HttpServer::stream_refusal() noexcept {
    if (current_connection == nullptr) return {0, {}};
    return {current_connection->refuse, current_connection->rule};
}

}  // namespace voip_sandbox
