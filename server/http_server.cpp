// The sandbox's connection loop around httplib's request parser (http_server.hpp).
#include "http_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace voip_sandbox {

namespace {

constexpr std::size_t max_line = CPPHTTPLIB_HEADER_MAX_LENGTH + 2;

constexpr char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_name(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

// RFC 9110 5.6.2: a field name is a token.
bool token(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (const char c : s) {
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alnum && std::strchr("!#$%&'*+-.^_`|~", c) == nullptr) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool digits(std::string_view s, std::uint64_t& out) noexcept {
    if (s.empty() || s.size() > 18) return false;  // 18 digits cannot overflow; any such body is refused anyway
    out = 0;
    for (const char c : s) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return true;
}

// The connection a pool thread serves: process_and_close_socket runs the handlers of its
// requests on its own thread, so a handler reaches its connection through this.
struct Connection {
    HeadCheck head;
    bool close = false;
    bool drop = false;  // the answer is not written: the connection just closes
};
thread_local Connection* current_connection = nullptr;

int millis(std::chrono::milliseconds d) { return static_cast<int>(std::min<std::int64_t>(d.count(), 1 << 30)); }

bool wait_for(socket_t sock, short events, std::chrono::milliseconds timeout) {
    pollfd p{sock, events, 0};
    int n;
    do n = ::poll(&p, 1, millis(timeout));
    while (n < 0 && errno == EINTR);
    return n > 0;
}

// One stream for the whole connection: bytes read ahead belong to the next request.
class ConnectionStream : public httplib::Stream {
public:
    ConnectionStream(socket_t sock, std::chrono::milliseconds io, HeadCheck& head) : sock_(sock), io_(io), head_(head) {}

    bool is_readable() const override { return off_ < size_ || wait_for(sock_, POLLIN, io_); }
    bool is_writable() const override { return wait_for(sock_, POLLOUT, io_); }

    ssize_t read(char* ptr, std::size_t size) override {
        if (off_ == size_) {
            if (!wait_for(sock_, POLLIN, io_)) return -1;
            ssize_t n;
            do n = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
            while (n < 0 && errno == EINTR);
            if (n <= 0) return n;
            off_ = 0;
            size_ = static_cast<std::size_t>(n);
        }
        const std::size_t n = std::min(size, size_ - off_);
        std::memcpy(ptr, buffer_.data() + off_, n);
        off_ += n;
        if (!head_.done()) head_.feed(ptr, n);
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, std::size_t size) override {
        if (current_connection != nullptr && current_connection->drop) return static_cast<ssize_t>(size);
        if (!is_writable()) return -1;
        ssize_t n;
        do n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
        while (n < 0 && errno == EINTR);
        return n;
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override { address(::getpeername, ip, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { address(::getsockname, ip, port); }
    socket_t socket() const override { return sock_; }

    // Whether a request starts before `idle` passes, looking every 100 ms for a stop.
    bool next_request(std::chrono::milliseconds idle, const std::atomic<socket_t>& listening) const {
        if (off_ < size_) return true;
        const auto until = std::chrono::steady_clock::now() + idle;
        while (listening != INVALID_SOCKET) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
            if (left.count() <= 0) return false;
            if (wait_for(sock_, POLLIN, std::min(left, std::chrono::milliseconds(100)))) return true;
        }
        return false;
    }

private:
    template <class F>
    void address(F f, std::string& ip, int& port) const {
        sockaddr_storage a{};
        socklen_t len = sizeof a;
        char text[INET6_ADDRSTRLEN] = "";
        port = 0;
        if (f(sock_, reinterpret_cast<sockaddr*>(&a), &len) != 0) return;
        if (a.ss_family == AF_INET) {
            const auto* v4 = reinterpret_cast<const sockaddr_in*>(&a);
            ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
            port = ntohs(v4->sin_port);
        } else if (a.ss_family == AF_INET6) {
            const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&a);
            ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
            port = ntohs(v6->sin6_port);
        }
        ip = text;
    }

    socket_t sock_;
    std::chrono::milliseconds io_;
    HeadCheck& head_;
    std::vector<char> buffer_ = std::vector<char>(16 * 1024);
    std::size_t off_ = 0;
    std::size_t size_ = 0;
};

}  // namespace

std::string_view name(HeadError e) noexcept {
    switch (e) {
        case HeadError::none: return "none";
        case HeadError::malformed_header_line: return "malformed_header_line";
        case HeadError::missing_host: return "missing_host";
        case HeadError::duplicate_host: return "duplicate_host";
        case HeadError::invalid_content_length: return "invalid_content_length";
        case HeadError::content_length_with_chunked: return "content_length_with_chunked";
    }
    return "none";
}

void HeadCheck::feed(const char* data, std::size_t n) {
    for (std::size_t i = 0; i < n && !done_; ++i) {
        if (line_.size() < max_line) line_ += data[i];
        else overlong_ = true;
        if (data[i] == '\n') end_line();
    }
}

void HeadCheck::end_line() {
    const std::string_view line = line_;
    if (request_line_) {
        request_line_ = false;
        http11_ = line.size() >= 10 && line.substr(line.size() - 10) == "HTTP/1.1\r\n";
    } else if (line == "\r\n") {
        done_ = true;
    } else if (!overlong_) {
        header_line(line);
    }
    line_.clear();
    overlong_ = false;
}

void HeadCheck::header_line(std::string_view line) {
    const auto fail = [this](HeadError e) {
        if (error_ == HeadError::none) error_ = e;
    };
    // httplib skips a line ended by a bare LF, and one without a colon: the client meant
    // something the server would not see.
    if (line.size() < 2 || line.substr(line.size() - 2) != "\r\n") return fail(HeadError::malformed_header_line);
    line.remove_suffix(2);
    const std::size_t colon = line.find(':');
    // A space before the colon, or a line folded onto the one before, is no token (RFC 9112 5.1, 5.2).
    if (colon == std::string_view::npos || !token(line.substr(0, colon))) return fail(HeadError::malformed_header_line);
    const std::string_view field = line.substr(0, colon);
    const std::string_view value = trim(line.substr(colon + 1));
    if (same_name(field, "host")) {
        ++hosts_;
    } else if (same_name(field, "transfer-encoding")) {
        chunked_ = true;
    } else if (same_name(field, "content-length")) {
        std::uint64_t v = 0;
        if (!digits(value, v) || (has_length_ && v != length_)) return fail(HeadError::invalid_content_length);
        has_length_ = true;
        length_ = v;
    }
}

HeadError HeadCheck::error() const noexcept {
    if (error_ != HeadError::none) return error_;
    if (http11_ && hosts_ == 0) return HeadError::missing_host;
    if (hosts_ > 1) return HeadError::duplicate_host;
    if (has_length_ && chunked_) return HeadError::content_length_with_chunked;
    return HeadError::none;
}

HttpServer::HttpServer() {
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

bool HttpServer::process_and_close_socket(socket_t sock) {
    Connection connection;
    ConnectionStream stream(sock, io_, connection.head);
    current_connection = &connection;
    bool ok = false;
    for (std::size_t left = keep_alive_max_count_; left > 0 && stream.next_request(idle_, svr_sock_); --left) {
        connection.head = HeadCheck{};
        bool closed = false;
        ok = process_request(stream, left == 1, closed, nullptr);
        if (!ok || closed || connection.close) break;
    }
    current_connection = nullptr;
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
}

}  // namespace voip_sandbox
