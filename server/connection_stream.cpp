// A connection's buffered stream (connection_stream.hpp). A socket call is tried before any
// poll: with a request waiting and room to write, a keep-alive GET costs one recv and one send.
#include "connection_stream.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

namespace voip_sandbox {

namespace {

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

ssize_t receive(socket_t sock, char* into, std::size_t size, int flags) {
    ssize_t n;
    do n = ::recv(sock, into, size, flags);
    while (n < 0 && errno == EINTR);
    return n;
}

// The peer's or our own address.
template <class F>
std::pair<std::string, int> address(socket_t sock, F f) {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    char text[INET6_ADDRSTRLEN] = "";
    int port = 0;
    if (f(sock, reinterpret_cast<sockaddr*>(&a), &len) != 0) return {text, port};
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

}  // namespace

bool ConnectionStream::is_readable() const { return off_ < size_ || wait_for(sock_, POLLIN, left()); }

ssize_t ConnectionStream::read(char* ptr, std::size_t size) {
    if (c_.refuse != 0) return -1;
    if (off_ == size_) {
        if (buffer_.empty()) buffer_.resize(first_buffer);
        ssize_t n = receive(sock_, buffer_.data(), buffer_.size(), MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            // What is buffered leaves before a wait: an interim `100 Continue` is what the
            // client waits for before it sends the body.
            if (!flush() || !wait_more()) {
                if (!c_.drop && left().count() <= 0) c_.refuse_with(408, "request_timeout");
                return -1;
            }
            n = receive(sock_, buffer_.data(), buffer_.size(), 0);
        }
        if (n <= 0) return n;
        off_ = 0;
        checked_ = 0;
        size_ = static_cast<std::size_t>(n);
    }
    const std::size_t n = std::min(size, size_ - off_);
    std::memcpy(ptr, buffer_.data() + off_, n);
    off_ += n;
    checked_ = std::max(checked_, off_);
    return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, std::size_t size) {
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

bool ConnectionStream::flush() {
    const bool ok = send_all(out_.data(), out_.size());
    out_.clear();
    return ok;
}

// httplib asks each request; asked once a connection here.
void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
    if (!remote_) remote_ = address(sock_, ::getpeername);
    ip = remote_->first;
    port = remote_->second;
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
    if (!local_) local_ = address(sock_, ::getsockname);
    ip = local_->first;
    port = local_->second;
}

ConnectionStream::Fill ConnectionStream::fill() {
    if (off_ > 0) {  // what is left moves to the front, so the rest of a request fits after it
        std::memmove(buffer_.data(), buffer_.data() + off_, size_ - off_);
        size_ -= off_;
        checked_ -= off_;
        off_ = 0;
    }
    if (size_ == buffer_.size()) {
        if (buffer_.size() == largest_buffer) return Fill::some;
        buffer_.resize(buffer_.empty() ? first_buffer : std::min(2 * buffer_.size(), largest_buffer));
    }
    const ssize_t n = receive(sock_, buffer_.data() + size_, buffer_.size() - size_, MSG_DONTWAIT);
    if (n > 0) {
        size_ += static_cast<std::size_t>(n);
        return Fill::some;
    }
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) ? Fill::none : Fill::closed;
}

void ConnectionStream::start_request(Clock::time_point deadline) {
    deadline_ = deadline;
    checked_ = off_;
    check_head();
}

// A bound passed refuses the request here, before the parser sees it.
void ConnectionStream::check_head() {
    HeadCheck& head = c_.head;
    if (head.done() || head.limit() != 0) return;
    checked_ += head.feed(buffer_.data() + checked_, size_ - checked_);
    if (head.limit() != 0) c_.refuse_with(head.limit(), head.limit_rule());
}

bool ConnectionStream::request_buffered() const noexcept {
    if (size_ - off_ == largest_buffer) return true;
    const HeadCheck& head = c_.head;
    if (!head.done()) return false;
    if (!head.carries_body() || !head.has_content_length() || head.chunked() || head.expects_continue() ||
        head.error() != HeadError::none || head.content_length() > max_body_)
        return true;
    const std::uint64_t whole = (checked_ - off_) + head.content_length();  // no overflow: at most 18 digits
    return whole > largest_buffer || size_ - off_ >= whole;
}

void ConnectionStream::start_linger() {
    // One try: a client that reads nothing must not hold the thread for the write timeout.
    if (!failed_ && !c_.drop && !out_.empty()) {
        [[maybe_unused]] const ssize_t n = ::send(sock_, out_.data(), out_.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    out_.clear();
    ::shutdown(sock_, SHUT_WR);
    dropped_ = 0;
}

void ConnectionStream::shrink() {
    if (off_ == size_ && buffer_.size() > first_buffer) {
        std::vector<char>().swap(buffer_);
        off_ = size_ = checked_ = 0;
    }
}

bool ConnectionStream::drop() {
    if (buffer_.empty()) buffer_.resize(first_buffer);
    for (;;) {
        const ssize_t n = receive(sock_, buffer_.data(), buffer_.size(), MSG_DONTWAIT);
        if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK;
        if (n == 0) return false;
        dropped_ += static_cast<std::size_t>(n);
        if (dropped_ >= 1024 * 1024) return false;
    }
}

// Waits for more of the request until its deadline. The parser runs only on a head that
// has ended, so what it waits for is a body: the request is in flight, and a stop lets it come.
bool ConnectionStream::wait_more() { return wait_for(sock_, POLLIN, left()); }

bool ConnectionStream::send_all(const char* ptr, std::size_t size) {
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

}  // namespace voip_sandbox
