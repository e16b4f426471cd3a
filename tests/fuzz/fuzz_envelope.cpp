// The envelope and its writer with arbitrary inputs: any bundle (any type byte, any day
// count, in range or not), any error value (named or not), any options, any buffer size
// from 0 to max_envelope_size. The envelope must hold an ok() bundle or an error; the
// writer must stay inside the buffer (a heap block of exactly that size, so ASan sees one
// byte too far), answer buffer_too_small rather than write a wrong text, and produce JSON
// whenever it succeeds.
#include <voip/bundle.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>

#include "fuzz_check.hpp"

namespace {
// Takes bytes from the front of the input; zeros once it runs out.
class Bytes {
public:
    Bytes(const std::uint8_t* data, std::size_t size) : p_(data), end_(data + size) {}
    // The next sizeof(T) bytes in input order (zero-padded at the end) as a T. One bounded
    // copy: the count is at most sizeof raw, so the compiler sees every write in bounds.
    template <class T>
    T take() {
        static_assert(std::is_trivially_copyable_v<T>, "take<T> copies bytes into a T");
        unsigned char raw[sizeof(T)] = {};
        const auto left = static_cast<std::size_t>(end_ - p_);
        const std::size_t n = left < sizeof raw ? left : sizeof raw;
        if (n != 0) std::memcpy(raw, p_, n);  // never memcpy from a null p_ (empty input)
        p_ += n;
        T v;
        std::memcpy(&v, raw, sizeof v);
        return v;
    }

private:
    const std::uint8_t* p_;
    const std::uint8_t* end_;
};

// A structural JSON check good enough to catch a broken writer: balanced braces outside
// strings, strings closed, no control characters.
bool looks_like_json(const char* s, std::size_t n) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = s[i];
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n') return false;
        if (c == '"') in_string = !in_string;
        else if (!in_string && c == '{') ++depth;
        else if (!in_string && c == '}' && --depth < 0) return false;
    }
    return depth == 0 && !in_string && n > 0 && s[0] == '{' && s[n - 1] == '}';
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes in(data, size);
    // Any members (a bundle or make_bundle's refusal), any error byte (named or not), any
    // operation byte: the envelope holds the bundle or an error, whatever it was given.
    voip::Uuid uuid;
    for (auto& byte : uuid.bytes) byte = in.take<std::uint8_t>();
    const voip::CreatedOn created_on{date::sys_days{date::days{in.take<std::int32_t>() % 5'000'000}}};
    const voip::ExpiresOn expires_on{date::sys_days{date::days{in.take<std::int32_t>() % 5'000'000}}};
    const auto type = static_cast<voip::BundleType>(in.take<std::uint8_t>());
    const auto flag = (in.take<std::uint8_t>() & 1) != 0 ? voip::AutoRenew::on : voip::AutoRenew::off;
    const auto made = voip::make_bundle(uuid, created_on, expires_on, type, flag);
    const auto error = static_cast<voip::Error>(in.take<std::uint8_t>());
    const auto op = static_cast<voip::Operation>(in.take<std::uint8_t>() % 3);
    const bool success = (in.take<std::uint8_t>() & 1) != 0;
    const voip::Envelope e = !success    ? voip::error_envelope(error)
                             : made ? voip::success_envelope(op, *made)
                                    : voip::error_envelope(made.error());
    const std::uint8_t flags = in.take<std::uint8_t>();
    const voip::WriteOptions o{(flags & 1) != 0 ? voip::Layout::pretty : voip::Layout::compact,
                              (flags & 2) != 0 ? voip::ErrorDetail::on : voip::ErrorDetail::off};
    const std::size_t capacity = in.take<std::uint16_t>() % (voip::max_envelope_size + 1);

    if (success && made) FUZZ_CHECK(e.bundle() != nullptr && *e.bundle() == *made);
    if (success && !made) FUZZ_CHECK(e.bundle() == nullptr && e.outcome().error() == made.error());
    if (!success) FUZZ_CHECK(e.bundle() == nullptr && e.outcome().error() == error);

    const std::unique_ptr<char[]> buf(new char[capacity == 0 ? 1 : capacity]);
    char* const first = buf.get();
    const auto n = voip::write_envelope(first, first + capacity, e, o);
    if (!n) {
        FUZZ_CHECK(n.error() == voip::Error::buffer_too_small);
        return 0;
    }
    FUZZ_CHECK(*n <= capacity);
    // With a full buffer, the text is never cut short, and every envelope writes.
    char full[voip::max_envelope_size];
    const auto m = voip::write_envelope(full, full + sizeof full, e, o);
    FUZZ_CHECK(m.has_value() && *m == *n && std::memcmp(full, first, *n) == 0);
    FUZZ_CHECK(looks_like_json(first, *n));
    // to_string agrees with write_envelope.
    FUZZ_CHECK(voip::to_string(e, o) == std::string(full, *m));
    return 0;
}
