// Keeps SQLite's write-ahead log short while the server runs.
#pragma once
// SQLite's automatic checkpoint (wal_autocheckpoint) is off for the request connection:
// a PASSIVE checkpoint cannot bound the log under sustained writes. The log starts again from
// its beginning only when a writer finds every frame copied and no reader on it, and with
// clients writing back to back a new commit always comes first; the file grew without end
// (95 MiB in 3000 creates). So:
//   * each time a commit takes the log into a new quarter of `limit_frames`, this class's
//     thread copies it back (PASSIVE, on its own connection) while the requests go on. The
//     log does not start again, but its pages are in the database file.
//   * the commit that leaves `limit_frames` or more in the log checkpoints it there and then
//     (RESTART, from the commit hook installed by watch(), as SQLite's own automatic
//     checkpoint does): on the request's connection while it still holds the sandbox's
//     lock, so no reader or writer is in its way and the next commit writes the log from its
//     beginning. The thread has copied all but the last quarter or so, so this commit waits
//     for a quarter's pages and two syncs, not the whole log's.
//   * when the server goes idle (no commit for an interval), the thread empties the log
//     (TRUNCATE), so a quiet server keeps no log at all.
//   * during a clock move, which writes for seconds in short transactions, the mover calls
//     relieve() between two of them, without the sandbox's lock: once the log is half way
//     to the limit, it is copied back (PASSIVE) on a connection of this class's own while
//     other requests go on. The mover's next transaction then finds the log copied and
//     writes it from its beginning, so the RESTART above, which holds the other accounts'
//     requests while it copies, is not reached.
// One copy a quarter, not one after another: the RESTART at the limit waits for a copy at
// work (a checkpoint does not wait for another), which a quarter's copy has long finished.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace voip_sandbox {

class Checkpointer {
public:
    // limit_frames: at least 4 (a smaller one counts as 4).
    explicit Checkpointer(const std::string& path, int interval_ms = 200, int limit_frames = 4096);
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;
    ~Checkpointer();  // stops and joins the thread, and stops watching

    // After each commit of `db` (sqlite3_wal_hook): counted, a log in a new quarter of the
    // limit copied back by the thread, a log at the limit checkpointed. Call it while no
    // request runs.
    void watch(sqlite3* db);
    // For a long write, between its transactions and without the sandbox's lock: copies the
    // log back once it holds half the limit. A call made while another is at work returns.
    void relieve();

private:
    void run(std::string path);

    const int interval_ms_;
    const int limit_frames_;
    std::atomic<std::uint64_t> commits_{0};
    std::atomic<int> frames_{0};  // in the log after the last commit
    std::atomic<int> quarter_{0};  // of the limit the log had reached at the last commit, [0, 3]
    const std::string path_;
    std::mutex relieving_;
    sqlite3* relief_ = nullptr;  // relieve()'s connection, opened on its first call
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    bool copy_wanted_ = false;  // a quarter more of the limit reached: copy the log back
    std::mutex copying_;        // held by the thread's copy; the RESTART at the limit waits for it
    sqlite3* watched_ = nullptr;
    std::thread thread_;
};

}  // namespace voip_sandbox
