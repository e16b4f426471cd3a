// The checkpoints of checkpointer.hpp.
#include "checkpointer.hpp"

#include <chrono>

#include <sqlite3.h>

namespace voip_sandbox {

namespace {

// A connection that has read nothing yet does not know the file is in WAL mode: its pager
// has no log open, and sqlite3_wal_checkpoint_v2 on it returns SQLITE_OK having done nothing,
// so the log would grow unchecked. It reads the schema first, which opens the log. Null if
// the file cannot be opened.
sqlite3* open_for_checkpoints(const std::string& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
        sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return nullptr;
    }
    return db;
}

}  // namespace

Checkpointer::Checkpointer(const std::string& path, int interval_ms, int limit_frames)
    : interval_ms_(interval_ms), limit_frames_(limit_frames < 4 ? 4 : limit_frames), path_(path), thread_([this, path] { run(path); }) {}

Checkpointer::~Checkpointer() {
    if (watched_ != nullptr) sqlite3_wal_hook(watched_, nullptr, nullptr);
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
    sqlite3_close(relief_);
}

void Checkpointer::relieve() {
    if (frames_.load(std::memory_order_relaxed) < limit_frames_ / 2) return;
    const std::unique_lock<std::mutex> lock(relieving_, std::try_to_lock);
    if (!lock.owns_lock()) return;
    if (relief_ == nullptr) relief_ = open_for_checkpoints(path_);
    // A failure (SQLITE_BUSY: another checkpoint at work, most often the thread's quarter
    // copy, which does the same) leaves the log to the next call.
    if (relief_ != nullptr) sqlite3_wal_checkpoint_v2(relief_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

void Checkpointer::watch(sqlite3* db) {
    watched_ = db;
    sqlite3_wal_hook(
        db,
        // Called from SQLite's C code: nothing may unwind through it.
        [](void* self, sqlite3* on, const char* name, int frames) noexcept {
            auto* c = static_cast<Checkpointer*>(self);
            c->commits_.fetch_add(1, std::memory_order_relaxed);
            c->frames_.store(frames, std::memory_order_relaxed);
            if (frames >= c->limit_frames_) {
                // After the thread's copy, if one is at work: a checkpoint does not wait for
                // another (SQLITE_BUSY), and a copy slowed by a busy disk would let the log pass
                // its limit. A failure (the idle checkpoint or relieve() at work, another
                // process reading) leaves the log for the next commit.
                const std::lock_guard<std::mutex> lock(c->copying_);
                sqlite3_wal_checkpoint_v2(on, name, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
                return SQLITE_OK;
            }
            const int quarter = static_cast<int>(std::int64_t{frames} * 4 / c->limit_frames_);  // [0, 3]
            const int before = c->quarter_.exchange(quarter);  // 0 again once the log starts again
            if (quarter > 0 && quarter != before) {
                {
                    const std::lock_guard<std::mutex> lock(c->mutex_);
                    c->copy_wanted_ = true;
                }
                c->wake_.notify_one();
            }
            return SQLITE_OK;
        },
        this);
}

void Checkpointer::run(std::string path) {
    sqlite3* db = open_for_checkpoints(path);
    if (db == nullptr) return;  // the request path still works; the WAL is checkpointed when the store closes
    std::uint64_t seen = commits_.load();
    std::uint64_t emptied = seen;  // the log was emptied when the count was this
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        if (wake_.wait_for(lock, std::chrono::milliseconds(interval_ms_), [this] { return stop_ || copy_wanted_; })) {
            if (stop_) break;
            copy_wanted_ = false;
            lock.unlock();
            {
                // Beside the requests; a failure (SQLITE_BUSY: another checkpoint at work)
                // leaves the frames to the next quarter or the limit.
                const std::lock_guard<std::mutex> copying(copying_);
                sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            }
            lock.lock();
            continue;
        }
        const std::uint64_t now = commits_.load();
        const bool idle = now == seen;
        seen = now;
        if (!idle || now == emptied) continue;
        lock.unlock();
        // Idle: a request that comes meanwhile waits for it (its busy timeout), milliseconds.
        if (sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr) == SQLITE_OK) emptied = now;
        lock.lock();
    }
    lock.unlock();
    sqlite3_close(db);
}

}  // namespace voip_sandbox
