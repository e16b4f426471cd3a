// Moves the write-ahead log into the database file on a thread of its own, off the request path.
#pragma once
// With SQLite's automatic checkpoint, the commit that crosses 1000 pages of WAL copies them
// back and syncs the file inside a request, a spike at p99 of writes. Here the request's
// connection does not checkpoint on its own (wal_autocheckpoint = 0): this thread, on its own
// connection, runs a PASSIVE checkpoint every interval, which never blocks a request. Under
// light load that keeps the log short. Under sustained writes it cannot: the log restarts
// from its beginning only when a writer finds every frame copied, and with clients writing
// back to back a new commit always comes first, so the file grew without end (95 MiB in 3000
// creates). So the commit that leaves `limit_frames` or more in the log empties it there and
// then, from the commit hook installed by watch(), as SQLite's automatic checkpoint does but
// TRUNCATE: on the request's connection, while it still holds the sandbox's lock (no reader
// or writer in the way), copying what the PASSIVE ones left, syncing, and cutting the file to
// nothing: milliseconds, once every few hundred writes. Should it meet this thread's PASSIVE
// at work (SQLITE_BUSY), the next commit tries again. Tried and dropped: the TRUNCATE on this
// thread (it had to win the lock from the requests and kept losing it), and this thread woken
// by every commit past the limit (its PASSIVE checkpoints, back to back, then held the
// checkpoint lock whenever a commit tried): the log still reached 30-60 MiB.
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace voip_sandbox {

class Checkpointer {
public:
    explicit Checkpointer(const std::string& path, int interval_ms = 200, int limit_frames = 1000);
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;
    ~Checkpointer();  // stops and joins the thread, and stops watching

    // After each commit of `db` (sqlite3_wal_hook): a log at the limit is emptied there and
    // then. Call it while no request runs.
    void watch(sqlite3* db);

private:
    void run(std::string path);

    const int interval_ms_;
    const int limit_frames_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    sqlite3* watched_ = nullptr;
    std::thread thread_;
};

}  // namespace voip_sandbox
