// Moves the write-ahead log into the database file on a thread of its own, off the request path.
#pragma once
// With SQLite's automatic checkpoint, the commit that crosses 1000 pages of WAL copies them
// back and syncs the file inside a request, a spike at p99 of writes. Here the request's
// connection never checkpoints (wal_autocheckpoint = 0) and this thread runs a PASSIVE
// checkpoint on its own connection every interval: it never blocks the writer or readers.
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace voip_sandbox {

class Checkpointer {
public:
    explicit Checkpointer(const std::string& path, int interval_ms = 200);
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;
    ~Checkpointer();  // stops and joins the thread

private:
    void run(std::string path, int interval_ms);

    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    std::thread thread_;
};

}  // namespace voip_sandbox
