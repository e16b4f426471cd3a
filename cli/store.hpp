// The store of voip-bundle: scanning a JSON-lines store, locking it, rewriting it atomically.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <voip/bundle.hpp>

#include <voip_app/files.hpp>
#include <voip_app/line_diagnosis.hpp>

#include "options.hpp"

namespace voip_cli {

// What one pass over a store found.
struct StoreScan {
    bool exists = false;
    std::uint64_t lines = 0;            // every line, blank ones included
    std::optional<voip::Bundle> found;  // the bundle with the wanted uuid
    std::uint64_t found_line = 0;       // its 0-based line
    std::optional<voip::MonthEnd> month_end;  // as the store's header records it; none: no header
};

std::string error_text(voip::Error e);

// A bad store line: throws "store <path> line <line + 1>[, column C]: <what>" (`line` is 0-based).
[[noreturn]] void corrupt(const std::string& path, std::uint64_t line, const voip_app::LineProblem& problem);
[[noreturn]] void corrupt(const std::string& path, std::uint64_t line, const std::string& why);

// The month-end policy to decide with: the store's header's, or --month-end (clamp when
// not given) for a store without one. A --month-end that contradicts the header is a
// Failure naming both: one store, one calendar.
[[nodiscard]] voip::MonthEnd month_end_for(const Options& o, const std::optional<voip::MonthEnd>& recorded,
                                           const std::string& shown);

// The file a store path really names: symbolic links followed (also a dangling one, whose
// target a create will make), so that a commit replaces the target and leaves the link.
// A path that does not exist resolves through its directory.
std::string resolve_store_path(const std::string& path);

// An advisory lock on `<store>.lock` beside the (resolved) store, held for the whole
// read-decide-write of a commit so that concurrent committers run one after another. The
// store itself cannot carry the lock: the rename gives it a new inode, and a waiter would
// hold a lock on the old one. The lock file is never removed (removing it would let two
// processes lock two different inodes of the same name).
class StoreLock {
public:
    explicit StoreLock(const std::string& real_store);
    // Closing the descriptor releases the lock.

private:
    std::string path_;
    voip_app::Fd fd_;
};

// Validates every line of the store and finds `wanted`. A store that may not exist yet
// (create --commit) scans as empty. The uuid acted on must appear at most once. Blank
// lines are skipped (and kept by a rewrite); line numbers in messages count them.
// `shown` is the path as the user gave it, for messages (`path` may be a link's target).
StoreScan scan_store(const std::string& path, const std::string& shown, const std::optional<voip::Uuid>& wanted,
                     bool may_be_missing);

// Rewrites the store with `b` replacing line `replace` (or appended when replace is
// none), atomically. The caller holds the store's lock, so the store read here is the one
// scanned; a difference means a writer that does not take the lock. Every other line is
// kept byte for byte; the new line takes the ending of the line it replaces (an appended
// one, that of the last line), so LF and CRLF lines stay as they were. A store that did
// not exist or was empty gets the header recording `month_end` first.
void commit_store(const std::string& path, const StoreScan& scan, std::optional<std::uint64_t> replace,
                  const voip::Bundle& b, voip::MonthEnd month_end);

}  // namespace voip_cli
