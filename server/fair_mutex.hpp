// A mutex that hands itself over in the order it was asked for (a FIFO lock).
#pragma once
// A clock move lets the store's lock go between its short transactions and asks for it again
// at once. std::mutex makes no promise of order, and on Linux the thread that just unlocked
// usually wins the race against the one it woke, so another account's request could wait out
// the whole move. In order, a request that asked during a transaction is next.
#include <condition_variable>
#include <deque>
#include <mutex>

namespace voip_sandbox {

class FairMutex {
public:
    void lock() {
        std::unique_lock<std::mutex> l(mutex_);
        if (!held_ && queue_.empty()) {
            held_ = true;
            return;
        }
        Waiter me;
        queue_.push_back(&me);
        me.turn.wait(l, [&me] { return me.granted; });
    }
    // Handed straight to the first waiter, if any: it never sees the lock free, so no thread
    // that asks later can take it first. Each waiter has a condition of its own, so an unlock
    // wakes one thread, not every thread that waits.
    void unlock() {
        const std::lock_guard<std::mutex> l(mutex_);
        if (queue_.empty()) {
            held_ = false;
            return;
        }
        Waiter* next = queue_.front();
        queue_.pop_front();
        next->granted = true;
        next->turn.notify_one();
    }

private:
    struct Waiter {
        std::condition_variable turn;
        bool granted = false;
    };
    std::mutex mutex_;
    std::deque<Waiter*> queue_;
    bool held_ = false;
};

}  // namespace voip_sandbox
