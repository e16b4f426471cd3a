// The task queue of the sandbox's HTTP server: a thread per connection, started when no idle
// one is left, up to a cap; a connection past the cap is refused at once (http_server.hpp).
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace voip_sandbox {

class ConnectionPool : public httplib::TaskQueue {
public:
    explicit ConnectionPool(std::size_t cap) : cap_(cap) {}
    ~ConnectionPool() override { shutdown(); }

    // Called by httplib's accept loop with a connection's task. Past the cap the task runs
    // here, on the accept loop's thread, with over_capacity() true: it answers 503 without
    // waiting for anything, and closes.
    void enqueue(std::function<void()> fn) override;
    // Waits for every connection's task to end.
    void shutdown() override;

    // For a connection's task: whether it is run past the cap.
    [[nodiscard]] static bool over_capacity() noexcept;

private:
    void work();

    std::size_t cap_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> tasks_;
    std::vector<std::thread> threads_;
    std::size_t busy_ = 0;     // connections queued or served
    std::size_t waiting_ = 0;  // threads waiting for a task
    bool stopping_ = false;
};

}  // namespace voip_sandbox
