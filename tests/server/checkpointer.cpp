// The Checkpointer's copies beside the requests: the log's pages reach the database file
// before the log reaches its limit, while the server is not idle.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>

#include <unistd.h>

#include <checkpointer.hpp>
#include <sqlite.hpp>

using namespace voip_sandbox;

namespace {

struct TempDatabase {
    std::filesystem::path path;
    explicit TempDatabase(const std::string& name)
        : path(std::filesystem::temp_directory_path() / ("voip-checkpointer-" + name + '-' + std::to_string(getpid()) + ".db")) {
        remove_files();
    }
    TempDatabase(const TempDatabase&) = delete;
    TempDatabase& operator=(const TempDatabase&) = delete;
    ~TempDatabase() { remove_files(); }
    void remove_files() const {
        std::error_code ignored;
        for (const char* tail : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + tail, ignored);
    }
    [[nodiscard]] std::uintmax_t size(const char* tail = "") const {
        std::error_code e;
        const auto n = std::filesystem::file_size(path.string() + tail, e);
        return e ? 0 : n;
    }
};

constexpr std::uintmax_t page = 4096;
constexpr std::uintmax_t frame = page + 24;  // a frame's header and its page

// The log in WAL mode with no automatic checkpoint (as the store sets it), and a table.
void prepare(Database& db) {
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA wal_autocheckpoint = 0");
    db.exec("CREATE TABLE t(x BLOB)");
}

// One row of about a page, in a transaction of its own.
void commit_row(Database& db) {
    Statement insert(db.handle(), "INSERT INTO t(x) VALUES (zeroblob(3000))");
    Transaction t(db);
    insert.step();
    t.commit();
}

// Commits rows until the log holds at least `frames` frames.
void write_until(Database& db, const TempDatabase& file, std::uintmax_t frames) {
    while (file.size("-wal") < 32 + frames * frame) commit_row(db);
}

}  // namespace

TEST_CASE("the checkpointer copies the log back each quarter of its limit, while writes go on") {
    const TempDatabase file("quarter");
    Database db(file.path.string());
    prepare(db);
    // An interval no test waits for: no idle checkpoint, only the quarter's copy.
    Checkpointer checkpointer(file.path.string(), 600000, 400);
    checkpointer.watch(db.handle());
    const std::uintmax_t before = file.size();
    write_until(db, file, 110);  // past the first quarter (100 frames), far from the limit
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    // About 50 rows of a page each (a commit writes the row's page and the table's root):
    // more than 16 pages when copied, none before.
    while (file.size() < before + 16 * page && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    CHECK(file.size() >= before + 16 * page);  // the rows' pages are in the database file
}

TEST_CASE("the commit that reaches the limit starts the log again") {
    const TempDatabase file("limit");
    Database db(file.path.string());
    prepare(db);
    Checkpointer checkpointer(file.path.string(), 600000, 400);
    checkpointer.watch(db.handle());
    write_until(db, file, 399);
    Statement count(db.handle(), "SELECT count(*) FROM t");
    std::int64_t rows = 0;
    {
        Run r(count);
        REQUIRE(r->step());
        rows = r->integer(0);
    }
    // 1,000 more commits, each a frame or more (about 2,400 in all): the log, started again
    // at the limit, keeps within four times it (a RESTART that meets the thread's copy is
    // retried at the next commit, however long the copy takes on a busy machine).
    for (int i = 0; i < 1000; ++i) commit_row(db);
    CHECK(file.size("-wal") < 32 + 1600 * frame);
    Run r(count);
    REQUIRE(r->step());
    CHECK(r->integer(0) == rows + 1000);
}
