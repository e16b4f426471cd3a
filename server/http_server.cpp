// The sandbox's connection loop around httplib's request parser (http_server.hpp).
#include "http_server.hpp"

#include <fcntl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <system_error>
#include <vector>

#include "connection_pool.hpp"

namespace voip_sandbox {

namespace {

// The connection a pool thread serves: process_and_close_socket runs the handlers of its
// requests on its own thread, so a handler reaches its connection through this.
struct Connection {
    HeadCheck head;
    bool close = false;
    bool drop = false;  // the answer is not written: the connection just closes
    // Set by the stream when it stops reading a request: its deadline passed (408), or its
    // header section a bound (414, 431). The answer, if none was written yet, says so.
    int refuse = 0;
    std::string_view rule;
    std::size_t written = 0;  // bytes of this request's answer written
    void refuse_with(int status, std::string_view why) noexcept {
        refuse = status;
        rule = why;
    }
};
thread_local Connection* current_connection = nullptr;

// For poll(): a deadline already passed is 0 (poll's -1 would wait for ever).
int millis(std::chrono::milliseconds d) {
    return static_cast<int>(std::clamp<std::int64_t>(d.count(), 0, std::int64_t{1} << 30));
}

bool wait_for(socket_t sock, short events, std::chrono::milliseconds timeout) {
    pollfd p{sock, events, 0};
    int n;
    do n = ::poll(&p, 1, millis(timeout));
    while (n < 0 && errno == EINTR);
    return n > 0;
}

// One stream for the whole connection: bytes read ahead belong to the next request, and an
// answer's bytes (httplib writes its head and its body apart) leave in one send when the
// connection next waits or closes. A socket call is tried before any poll: with a request
// waiting and room to write, a keep-alive GET costs one recv and one send.
class ConnectionStream : public httplib::Stream {
public:
    ConnectionStream(socket_t sock, std::chrono::milliseconds io, Connection& c, int stop)
        : sock_(sock), io_(io), c_(c), stop_(stop) {}

    bool is_readable() const override { return off_ < size_ || wait_for(sock_, POLLIN, left()); }
    bool is_writable() const override { return true; }  // writes are buffered; flush() waits

    // Reads until the request's deadline; nothing more once a bound is passed.
    ssize_t read(char* ptr, std::size_t size) override {
        if (c_.refuse != 0) return -1;
        if (off_ == size_) {
            ssize_t n;
            do n = ::recv(sock_, buffer_.data(), buffer_.size(), MSG_DONTWAIT);
            while (n < 0 && errno == EINTR);
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                // What is buffered leaves before a wait: an interim `100 Continue` is what the
                // client waits for before it sends the body.
                if (!flush() || !wait_more()) {
                    if (!c_.drop && left().count() <= 0) c_.refuse_with(408, "request_timeout");
                    return -1;
                }
                do n = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
                while (n < 0 && errno == EINTR);
            }
            if (n <= 0) return n;
            off_ = 0;
            size_ = static_cast<std::size_t>(n);
        }
        const std::size_t n = std::min(size, size_ - off_);
        std::memcpy(ptr, buffer_.data() + off_, n);
        off_ += n;
        if (!c_.head.done()) {
            c_.head.feed(ptr, n);
            if (c_.head.limit() != 0) c_.refuse_with(c_.head.limit(), c_.head.limit_rule());
        }
        return static_cast<ssize_t>(n);
    }

    // Buffered up to 64 KiB; a larger answer leaves the buffer's bytes, then its own. -1 once
    // a send failed or stalled past the write timeout.
    ssize_t write(const char* ptr, std::size_t size) override {
        if (c_.drop) return static_cast<ssize_t>(size);
        if (failed_) return -1;
        if (out_.size() + size > out_limit) {
            if (!flush()) return -1;
            if (size > out_limit && !send_all(ptr, size)) return -1;
        }
        if (size <= out_limit) out_.insert(out_.end(), ptr, ptr + size);
        c_.written += size;
        return static_cast<ssize_t>(size);
    }

    // Sends what is buffered; false once a send failed or stalled past the write timeout.
    bool flush() {
        const bool ok = send_all(out_.data(), out_.size());
        out_.clear();
        return ok;
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        if (!remote_) remote_ = address(::getpeername);
        ip = remote_->first;
        port = remote_->second;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        if (!local_) local_ = address(::getsockname);
        ip = local_->first;
        port = local_->second;
    }
    socket_t socket() const override { return sock_; }

    // Whether a request starts before `idle` passes or `stop` is readable (a stop: idle
    // connections close at once). A request's deadline runs from here.
    bool next_request(std::chrono::milliseconds idle, std::chrono::milliseconds whole, int stop) {
        if (!flush()) return false;
        if (off_ == size_) {
            pollfd p[2] = {{sock_, POLLIN, 0}, {stop, POLLIN, 0}};
            int n;
            do n = ::poll(p, 2, millis(idle));
            while (n < 0 && errno == EINTR);
            if (n <= 0 || (p[0].revents & (POLLIN | POLLHUP | POLLERR)) == 0) return false;
        }
        deadline_ = std::chrono::steady_clock::now() + whole;
        return true;
    }

    // After a refusal: the client's bytes still coming are read and dropped for a moment,
    // so that the close does not reset the connection before the answer is read.
    void linger() {
        flush();
        ::shutdown(sock_, SHUT_WR);
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
        for (std::size_t dropped = 0; dropped < 1024 * 1024;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
            if (left.count() <= 0 || !wait_for(sock_, POLLIN, left)) return;
            const ssize_t n = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
            if (n <= 0) return;
            dropped += static_cast<std::size_t>(n);
        }
    }

private:
    // Waits for more of the request until its deadline. While its head is still arriving, a
    // stop cuts it, closing without an answer: no handler has seen it, so nothing it asked for
    // was done, and the stop need not wait out its deadline (up to --timeout-ms, for every
    // slow client). A request whose head has arrived is in flight: its body is waited for.
    bool wait_more() {
        if (c_.head.done()) return wait_for(sock_, POLLIN, left());
        pollfd p[2] = {{sock_, POLLIN, 0}, {stop_, POLLIN, 0}};
        int n = 0;
        do n = ::poll(p, 2, millis(left()));
        while (n < 0 && errno == EINTR);
        if (n > 0 && (p[1].revents & POLLIN) != 0) {
            c_.close = c_.drop = true;
            return false;
        }
        return n > 0;
    }

    bool send_all(const char* ptr, std::size_t size) {
        while (size > 0 && !failed_) {
            ssize_t n;
            do n = ::send(sock_, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
            while (n < 0 && errno == EINTR);
            if (n > 0) {
                ptr += n;
                size -= static_cast<std::size_t>(n);
            } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) || !wait_for(sock_, POLLOUT, io_)) {
                failed_ = true;
            }
        }
        return !failed_;
    }

    // The peer's and our own address, asked once a connection (httplib asks each request).
    template <class F>
    std::pair<std::string, int> address(F f) const {
        sockaddr_storage a{};
        socklen_t len = sizeof a;
        char text[INET6_ADDRSTRLEN] = "";
        int port = 0;
        if (f(sock_, reinterpret_cast<sockaddr*>(&a), &len) != 0) return {text, port};
        if (a.ss_family == AF_INET) {
            const auto* v4 = reinterpret_cast<const sockaddr_in*>(&a);
            ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
            port = ntohs(v4->sin_port);
        } else if (a.ss_family == AF_INET6) {
            const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&a);
            ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
            port = ntohs(v6->sin6_port);
        }
        return {text, port};
    }

    std::chrono::milliseconds left() const {
        return std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - std::chrono::steady_clock::now());
    }

    socket_t sock_;
    std::chrono::milliseconds io_;
    Connection& c_;
    int stop_;  // readable once the server stops
    std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::now();
    std::vector<char> buffer_ = std::vector<char>(16 * 1024);
    std::size_t off_ = 0;
    std::size_t size_ = 0;
    static constexpr std::size_t out_limit = 64 * 1024;
    std::vector<char> out_;  // an answer's bytes not sent yet
    bool failed_ = false;    // a send failed: nothing more is sent
    mutable std::optional<std::pair<std::string, int>> remote_, local_;
};

}  // namespace

HttpServer::HttpServer() {
    if (::pipe2(stop_, O_CLOEXEC | O_NONBLOCK) != 0) throw std::system_error(errno, std::generic_category(), "pipe2");
    set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        Connection* c = current_connection;
        if (c == nullptr) return;
        const HeadCheck& h = c->head;
        // GET, HEAD and OPTIONS handlers read no body; one sent anyway is still on the connection.
        const bool bodyless = req.method == "GET" || req.method == "HEAD" || req.method == "OPTIONS";
        if (!h.done() || h.error() != HeadError::none || (bodyless && (h.content_length() > 0 || h.chunked())))
            c->close = true;
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

// Past the connection cap (connection_pool.hpp), on the accept loop's thread: 503 at once,
// without waiting for the request (what has come of it is dropped), then the close.
void HttpServer::refuse_connection(socket_t sock) const {
    char drop[4096];
    while (::recv(sock, drop, sizeof drop, MSG_DONTWAIT) > 0) {
    }
    const std::string answer = refusal_ ? refusal_(503, "too_many_connections") : std::string();
    [[maybe_unused]] const ssize_t n = ::send(sock, answer.data(), answer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    ::shutdown(sock, SHUT_WR);
}

bool HttpServer::process_and_close_socket(socket_t sock) {
    if (ConnectionPool::over_capacity()) {
        refuse_connection(sock);
        ::close(sock);
        return false;
    }
    Connection connection;
    ConnectionStream stream(sock, io_, connection, stop_[0]);
    current_connection = &connection;
    bool ok = false;
    for (std::size_t left = keep_alive_max_count_; left > 0 && stream.next_request(idle_, request_, stop_[0]); --left) {
        connection.head = HeadCheck{};
        connection.written = 0;
        bool closed = false;
        ok = process_request(stream, left == 1, closed, nullptr);
        if (connection.refuse != 0) {
            // Refused before httplib could answer (the request line unfinished): answered here.
            if (connection.written == 0 && refusal_) {
                const std::string answer = refusal_(connection.refuse, connection.rule);
                stream.write(answer.data(), answer.size());
            }
            stream.linger();
            break;
        }
        if (!ok || closed || connection.close) break;
    }
    stream.flush();
    current_connection = nullptr;
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
}

void HttpServer::halt() {
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(stop_[1], &byte, 1);  // stays readable: every idle wait sees it
    stop();
}

HttpServer::~HttpServer() {
    ::close(stop_[0]);
    ::close(stop_[1]);
}

std::pair<int, std::string_view> HttpServer::stream_refusal() noexcept {
    if (current_connection == nullptr) return {0, {}};
    return {current_connection->refuse, current_connection->rule};
}

}  // namespace voip_sandbox
