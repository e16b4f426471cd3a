// A thread per connection, up to a cap (connection_pool.hpp).
#include "connection_pool.hpp"

namespace voip_sandbox {

namespace {
thread_local bool refusing = false;
}

bool ConnectionPool::over_capacity() noexcept { return refusing; }

void ConnectionPool::enqueue(std::function<void()> fn) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (busy_ >= cap_ || stopping_) {
        lock.unlock();
        refusing = true;
        fn();
        refusing = false;
        return;
    }
    ++busy_;
    tasks_.push_back(std::move(fn));
    // A thread waiting takes it; with none left, a new thread. Threads stay for the next
    // connections: as many as were ever served at once, at most the cap.
    if (tasks_.size() > waiting_) threads_.emplace_back([this] { work(); });
    else wake_.notify_one();
}

void ConnectionPool::work() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        ++waiting_;
        wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
        --waiting_;
        if (tasks_.empty()) return;  // stopping, and nothing left to serve
        std::function<void()> task = std::move(tasks_.front());
        tasks_.pop_front();
        lock.unlock();
        task();
        lock.lock();
        --busy_;
    }
}

void ConnectionPool::shutdown() {
    std::vector<std::thread> threads;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        threads.swap(threads_);
    }
    wake_.notify_all();
    for (auto& t : threads) t.join();
}

}  // namespace voip_sandbox
