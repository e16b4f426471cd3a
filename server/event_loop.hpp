// The connections the HTTP server is not serving, parked on one epoll until their socket is
// readable, their deadline passes or the server stops; and the threads that serve them.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace voip_sandbox {

// What the loop holds for a parked connection; the server's own type derives from it.
struct Parked {
    virtual ~Parked() = default;
    int sock = -1;
    bool added = false;  // the socket is on the epoll (it stays there until it is closed)
};

// Why a parked connection is handed back.
enum class Wake : std::uint8_t { readable, deadline, stop };

class EventLoop {
public:
    using Clock = std::chrono::steady_clock;
    // Runs on a loop thread with a connection it hands back; it parks it again or closes it.
    using Serve = std::function<void(std::unique_ptr<Parked>, Wake)>;

    // At most max_threads threads. Two wait on the epoll and serve what it reports; when
    // both are held (a long clock move, a body that trickles in) another takes over within a
    // tick, so a slow request never holds the other connections for longer.
    EventLoop(std::size_t max_threads, Serve serve);
    ~EventLoop();
    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;

    // Before the first park.
    void set_max_threads(std::size_t n) { max_threads_ = n < 1 ? 1 : n; }
    // Until its socket is readable or `deadline`; after stop(), handed back at once with
    // Wake::stop on this thread.
    void park(std::unique_ptr<Parked> p, Clock::time_point deadline);
    // Every parked connection is handed back with Wake::stop, on this thread and on any
    // thread that waits; those being served finish first.
    void stop();
    // stop(), then waits for every thread.
    void join();
    // Once stop() has been called.
    [[nodiscard]] bool stopped() const noexcept { return stopped_.load(); }

private:
    struct Entry {
        std::unique_ptr<Parked> parked;
        Clock::time_point deadline;
    };
    // A connection gets a new id each time it parks: a wake of an earlier park finds none.
    using Id = std::uint64_t;
    static constexpr Id stop_id = 0;
    static constexpr Id timer_id = 1;

    // Two: one serving while the other reads the next request (docs/benchmarks.md, "Sandbox 7").
    static constexpr std::size_t max_waiting = 2;
    static constexpr std::chrono::milliseconds tick{5};
    static constexpr std::chrono::microseconds spin{50};
    static constexpr int quiet_ticks = 20;

    void work();
    void watch();
    [[nodiscard]] bool enter_wait();
    void start_thread();  // under mutex_
    [[nodiscard]] std::unique_ptr<Parked> claim(Id id);
    void arm(Clock::time_point at);  // under mutex_; max(): disarmed
    void serve_expired();
    void serve_all_on_stop();

    Serve serve_;
    std::size_t max_threads_;
    int epoll_ = -1;
    int stop_ = -1;   // an eventfd, readable once stopped: every waiting thread sees it
    int timer_ = -1;  // a timerfd, readable at the first deadline
    std::mutex mutex_;
    std::unordered_map<Id, Entry> parked_;
    std::set<std::pair<Clock::time_point, Id>> deadlines_;
    Clock::time_point armed_ = Clock::time_point::max();
    Id next_id_ = timer_id + 1;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
    std::thread monitor_;
    std::condition_variable spare_;     // spares wait here for a token
    std::condition_variable watching_;  // the watch's tick, cut short by a stop
    std::size_t spares_ = 0;
    std::size_t tokens_ = 0;                   // spares woken and not yet up
    std::atomic<std::size_t> waiting_{0};      // threads in epoll_wait, or about to be
    std::atomic<std::uint64_t> wakes_{0};      // returns from epoll_wait
    std::atomic<bool> asleep_{false};          // the watch sleeps until a wake
    std::atomic<bool> stopped_{false};
};

}  // namespace voip_sandbox
