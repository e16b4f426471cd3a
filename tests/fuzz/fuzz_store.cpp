// The command's store reading on any bytes, as `voip-bundle` reads --store: voip_app/files.hpp's
// LineReader through a real file descriptor (a memfd), then voip_app/store_line.hpp's
// read_store_line per line (blank lines, the header on line 1, a byte-order mark, CRLF
// endings, bundles, and for a refused line the diagnostic second look: column and member).
// The lines read back must rebuild the input exactly; every line is blank, a header with a
// valid policy, an ok() bundle, or a problem named by the library's error (or a header or
// byte-order-mark message) at a column inside the line; a commit's rewrite of the line (the
// bundle re-encoded, the line's own ending kept) reads back as the same bundle and ending.
#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

#include <voip_app/files.hpp>
#include <voip_app/store_line.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_check.hpp"

namespace {

void check_line(std::string_view line, bool first) {
    const auto read = voip_app::read_store_line(line, first);
    if (!read) {
        const voip_app::LineProblem& p = read.error();
        FUZZ_CHECK(!p.what.empty() && p.what.find('\n') == std::string::npos);
        FUZZ_CHECK(p.column <= line.size() + 1);  // one past the end: the line ended too soon
        FUZZ_CHECK(!voip_app::is_blank_line(line));
        return;
    }
    if (const auto* h = std::get_if<voip_app::StoreHeader>(&*read)) {
        FUZZ_CHECK(first);
        FUZZ_CHECK(h->month_end == voip::MonthEnd::clamp || h->month_end == voip::MonthEnd::overflow);
        // The header a new store gets reads back as itself.
        const auto again = voip_app::read_store_line(voip_app::header_line(h->month_end), true);
        FUZZ_CHECK(again && std::get_if<voip_app::StoreHeader>(&*again)->month_end == h->month_end);
        return;
    }
    if (std::holds_alternative<voip_app::BlankLine>(*read)) {
        FUZZ_CHECK(voip_app::is_blank_line(line));
        return;
    }
    const voip::Bundle& b = std::get<voip::Bundle>(*read);
    // What a commit writes in place of this line: the encoding, then the line's own ending.
    const std::string encoded = voip::encode_bundle(b);
    const std::string_view ending = voip_app::ending_of(line);
    FUZZ_CHECK(ending == (!line.empty() && line.back() == '\r' ? "\r\n" : "\n"));
    const std::string rewritten = encoded + std::string(ending.substr(0, ending.size() - 1));  // as the reader returns it
    const auto back = voip_app::read_store_line(rewritten, false);
    FUZZ_CHECK(back && std::holds_alternative<voip::Bundle>(*back));
    FUZZ_CHECK(std::get<voip::Bundle>(*back) == b);
    FUZZ_CHECK(voip_app::ending_of(rewritten) == ending);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const voip_app::Fd fd(::memfd_create("store", 0));
    FUZZ_CHECK(fd.ok());
    std::size_t written = 0;
    while (written < size) {
        const ssize_t n = ::write(fd.get(), data + written, size - written);
        FUZZ_CHECK(n > 0);
        written += static_cast<std::size_t>(n);
    }
    FUZZ_CHECK(::lseek(fd.get(), 0, SEEK_SET) == 0);

    voip_app::LineReader reader(fd.get());
    std::string rebuilt;
    std::string_view line;
    bool first = true;
    for (;;) {
        const auto next = reader.next(line);
        if (next == voip_app::LineReader::Next::end) break;
        FUZZ_CHECK(next == voip_app::LineReader::Next::line);  // inputs are far below the buffer size
        rebuilt.append(line);
        if (rebuilt.size() < size) rebuilt.push_back('\n');
        check_line(line, first);
        first = false;
    }
    FUZZ_CHECK(reader.consumed() == size);
    FUZZ_CHECK(rebuilt == std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
