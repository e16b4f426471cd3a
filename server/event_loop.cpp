// Parked connections on one epoll, served by threads started on demand (event_loop.hpp).
#include "event_loop.hpp"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

namespace voip_sandbox {

EventLoop::EventLoop(std::size_t max_threads, Serve serve) : serve_(std::move(serve)), max_threads_(std::max<std::size_t>(1, max_threads)) {
    epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
    if (epoll_ < 0) throw std::system_error(errno, std::generic_category(), "epoll_create1");
    stop_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (stop_ < 0) {
        ::close(epoll_);
        throw std::system_error(errno, std::generic_category(), "eventfd");
    }
    timer_ = ::timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
    // Both level-triggered: the stop is never read, so once written every epoll_wait returns
    // at once; the timer is read by whichever thread sees it first.
    epoll_event stop{}, timer{};
    stop.events = timer.events = EPOLLIN;
    stop.data.u64 = stop_id;
    timer.data.u64 = timer_id;
    if (timer_ < 0 || ::epoll_ctl(epoll_, EPOLL_CTL_ADD, stop_, &stop) != 0 ||
        ::epoll_ctl(epoll_, EPOLL_CTL_ADD, timer_, &timer) != 0) {
        const int error = errno;
        if (timer_ >= 0) ::close(timer_);
        ::close(stop_);
        ::close(epoll_);
        throw std::system_error(error, std::generic_category(), "epoll_ctl");
    }
}

EventLoop::~EventLoop() {
    join();
    ::close(timer_);
    ::close(stop_);
    ::close(epoll_);
}

void EventLoop::start_thread() {
    if (threads_.size() >= max_threads_ || stopping_) return;
    // A thread the system refuses is not fatal: the loop goes on with those it has.
    try {
        if (!monitor_.joinable()) monitor_ = std::thread([this] { watch(); });
    } catch (const std::system_error&) {
    }
    try {
        threads_.emplace_back([this] { work(); });
    } catch (const std::system_error&) {
    }
}

// Every tick: if no thread waits on the epoll and none has come back from it since the last
// tick, the threads are all held (a long clock move, a body that trickles in): one more,
// a spare woken or a new thread, takes the other connections. After quiet_ticks with
// nothing come, it sleeps until a thread comes back from the epoll.
void EventLoop::watch() {
    std::unique_lock<std::mutex> lock(mutex_);
    std::uint64_t seen = wakes_.load();
    int quiet = 0;
    while (!stopping_) {
        watching_.wait_for(lock, tick, [this] { return stopping_; });
        const std::uint64_t now = wakes_.load();
        const bool held = waiting_.load() == 0 && now == seen;
        if (!stopping_ && held) {
            if (spares_ > tokens_) {
                ++tokens_;
                spare_.notify_one();
            } else {
                start_thread();
            }
        }
        quiet = now == seen && !held ? quiet + 1 : 0;
        seen = now;
        if (quiet < quiet_ticks) continue;
        // A thread counts its wake, then looks at asleep_; this sets asleep_, then looks at
        // the count: one of the two sees the other's write.
        asleep_.store(true);
        if (wakes_.load() == seen) watching_.wait(lock, [this] { return stopping_ || !asleep_.load(); });
        asleep_.store(false);
        seen = wakes_.load();
        quiet = 0;
    }
}

// Whether this thread waits on the epoll: max_waiting do; the others sleep as spares until
// the watch needs them. A waiter takes the connections one after another without sleeping
// while any is ready; a second lets one request be read and parsed while another is answered.
bool EventLoop::enter_wait() {
    if (waiting_.fetch_add(1) < max_waiting) return true;
    waiting_.fetch_sub(1);
    std::unique_lock<std::mutex> lock(mutex_);
    ++spares_;
    spare_.wait(lock, [this] { return stopping_ || tokens_ > 0; });
    --spares_;
    if (stopping_) return false;
    --tokens_;
    waiting_.fetch_add(1);
    return true;
}

void EventLoop::park(std::unique_ptr<Parked> p, Clock::time_point deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!stopping_) {
        const Id id = next_id_++;
        epoll_event e{};
        // One wake a park: the connection is handed to one thread, and is not seen again
        // until that thread parks it.
        e.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
        e.data.u64 = id;
        // Armed under the lock: a thread that claimed and closed this socket (its deadline)
        // cannot meet a number reused by another connection here.
        if (::epoll_ctl(epoll_, p->added ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, p->sock, &e) == 0) {
            p->added = true;
            deadlines_.emplace(deadline, id);
            parked_.emplace(id, Entry{std::move(p), deadline});
            if (deadline < armed_) arm(deadline);
            if (threads_.size() < max_waiting) start_thread();
            return;
        }
    }
    lock.unlock();
    serve_(std::move(p), Wake::stop);  // stopping, or the epoll refused it: it is closed
}

std::unique_ptr<Parked> EventLoop::claim(Id id) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = parked_.find(id);
    if (it == parked_.end()) return nullptr;  // its deadline passed first, or the stop
    std::unique_ptr<Parked> p = std::move(it->second.parked);
    deadlines_.erase({it->second.deadline, id});
    parked_.erase(it);
    return p;
}

// steady_clock is CLOCK_MONOTONIC (libstdc++ on Linux), the timer's clock.
void EventLoop::arm(Clock::time_point at) {
    armed_ = at;
    itimerspec t{};
    if (at != Clock::time_point::max()) {
        const auto ns = std::max<std::int64_t>(1, std::chrono::duration_cast<std::chrono::nanoseconds>(at.time_since_epoch()).count());
        t.it_value.tv_sec = static_cast<time_t>(ns / 1'000'000'000);
        t.it_value.tv_nsec = static_cast<long>(ns % 1'000'000'000);
    }
    ::timerfd_settime(timer_, TFD_TIMER_ABSTIME, &t, nullptr);
}

void EventLoop::serve_expired() {
    std::vector<std::unique_ptr<Parked>> expired;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        const auto now = Clock::now();
        while (!deadlines_.empty() && deadlines_.begin()->first <= now) {
            const Id id = deadlines_.begin()->second;
            deadlines_.erase(deadlines_.begin());
            const auto it = parked_.find(id);
            expired.push_back(std::move(it->second.parked));
            parked_.erase(it);
        }
        const auto next = deadlines_.empty() ? Clock::time_point::max() : deadlines_.begin()->first;
        if (next != armed_) arm(next);
    }
    for (auto& p : expired) serve_(std::move(p), Wake::deadline);
}

void EventLoop::serve_all_on_stop() {
    std::vector<std::unique_ptr<Parked>> all;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        for (auto& [id, entry] : parked_) all.push_back(std::move(entry.parked));
        parked_.clear();
        deadlines_.clear();
    }
    for (auto& p : all) serve_(std::move(p), Wake::stop);
}

void EventLoop::work() {
    while (enter_wait()) {
        epoll_event e{};
        int n = 0;
        // A client's next request often comes a few microseconds after its answer: looking
        // for it a moment before sleeping saves a wake-up.
        for (const auto until = Clock::now() + spin; n == 0 && Clock::now() < until;) n = ::epoll_wait(epoll_, &e, 1, 0);
        if (n == 0) n = ::epoll_wait(epoll_, &e, 1, -1);
        const int error = errno;
        waiting_.fetch_sub(1);
        wakes_.fetch_add(1);
        if (asleep_.load()) {
            std::lock_guard<std::mutex> lock(mutex_);
            asleep_.store(false);
            watching_.notify_one();
        }
        if (n < 0 && error != EINTR) return;
        if (n > 0 && e.data.u64 == stop_id) {
            serve_all_on_stop();
            return;
        }
        if (n > 0 && e.data.u64 == timer_id) {
            std::uint64_t fired = 0;
            [[maybe_unused]] const ssize_t r = ::read(timer_, &fired, sizeof fired);
            serve_expired();
        } else if (n > 0) {
            if (std::unique_ptr<Parked> p = claim(e.data.u64)) serve_(std::move(p), Wake::readable);
        }
    }
}

void EventLoop::stop() {
    stopped_.store(true);
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(stop_, &one, sizeof one);
    // Here too: every thread may be held by a request, none waiting to see the event.
    serve_all_on_stop();
}

void EventLoop::join() {
    stop();
    std::vector<std::thread> threads;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        threads.swap(threads_);
    }
    spare_.notify_all();
    watching_.notify_all();
    for (auto& t : threads) t.join();
    if (monitor_.joinable()) monitor_.join();
    serve_all_on_stop();  // parked by a thread that ended after the others had looked
}

}  // namespace voip_sandbox
