// The command's store reading (cli/files.hpp LineReader, then decode_bundle per line, as
// `voip-bundle` reads --store) on any bytes: the input goes through a real file
// descriptor (a memfd); the lines read back must rebuild the input exactly, and every
// line either decodes to an ok() bundle or fails with a typed error.
#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

#include "files.hpp"  // cli/

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const voip_cli::Fd fd(::memfd_create("store", 0));
    FUZZ_CHECK(fd.ok());
    std::size_t written = 0;
    while (written < size) {
        const ssize_t n = ::write(fd.get(), data + written, size - written);
        FUZZ_CHECK(n > 0);
        written += static_cast<std::size_t>(n);
    }
    FUZZ_CHECK(::lseek(fd.get(), 0, SEEK_SET) == 0);

    voip_cli::LineReader reader(fd.get());
    std::string rebuilt;
    std::string_view line;
    for (;;) {
        const auto next = reader.next(line);
        if (next == voip_cli::LineReader::Next::end) break;
        FUZZ_CHECK(next == voip_cli::LineReader::Next::line);  // inputs are far below the buffer size
        rebuilt.append(line);
        if (rebuilt.size() < size) rebuilt.push_back('\n');
        const auto b = voip::decode_bundle(line);
        if (b) FUZZ_CHECK(voip::ok(*b));
        else FUZZ_CHECK(voip::name(b.error()) != "unknown_error");
    }
    FUZZ_CHECK(reader.consumed() == size);
    FUZZ_CHECK(rebuilt == std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
