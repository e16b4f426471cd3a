// The background WAL checkpoint of checkpointer.hpp.
#include "checkpointer.hpp"

#include <chrono>

#include <sqlite3.h>

namespace voip_sandbox {

Checkpointer::Checkpointer(const std::string& path, int interval_ms)
    : thread_([this, path, interval_ms] { run(path, interval_ms); }) {}

Checkpointer::~Checkpointer() {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void Checkpointer::run(std::string path, int interval_ms) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return;  // the request path still works; the WAL is checkpointed when the store closes
    }
    sqlite3_busy_timeout(db, 100);
    std::unique_lock<std::mutex> lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(interval_ms), [this] { return stop_; })) {
        lock.unlock();
        sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        lock.lock();
    }
    sqlite3_close(db);
}

}  // namespace voip_sandbox
