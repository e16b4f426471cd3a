// The decisions (create/update/renew, quotes and handle_*) and the envelope writer with a
// caller buffer make no heap allocation: every global operator new of this program is
// replaced by one that counts, and each check runs between two readings of the count.
#include <doctest/doctest.h>

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include <voip/bundle.hpp>
#if __has_include(<voip/bundle_json.hpp>)
#include <voip/bundle_json.hpp>
#define VOIP_ALLOC_TEST_DECODER 1
#endif

namespace {
std::atomic<std::size_t> allocations{0};

// No exceptions here (the suite also builds with -fno-exceptions): memory running out in
// a test of a few kilobytes ends the program, which fails the test.
void* counted(std::size_t size) noexcept {
    allocations.fetch_add(1, std::memory_order_relaxed);
    void* p = std::malloc(size == 0 ? 1 : size);
    if (p == nullptr) std::abort();
    return p;
}
void* counted_aligned(std::size_t size, std::align_val_t align) noexcept {
    allocations.fetch_add(1, std::memory_order_relaxed);
    const std::size_t a = static_cast<std::size_t>(align);
    void* p = std::aligned_alloc(a, (size + a - 1) / a * a);
    if (p == nullptr) std::abort();
    return p;
}
}  // namespace

void* operator new(std::size_t size) { return counted(size); }
void* operator new[](std::size_t size) { return counted(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return counted(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return counted(size); }
void* operator new(std::size_t size, std::align_val_t align) { return counted_aligned(size, align); }
void* operator new[](std::size_t size, std::align_val_t align) { return counted_aligned(size, align); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }

namespace {

// The number of allocations `f` makes.
template <class F>
std::size_t allocations_in(F&& f) {
    const std::size_t before = allocations.load();
    f();
    return allocations.load() - before;
}

// Keeps a result observable so the optimiser cannot drop the work.
volatile long sink = 0;
template <class T>
void keep(const T& r) {
    sink = sink + static_cast<long>(sizeof r) + (r ? 1 : 0);
}

date::sys_days day(const char* iso) { return *voip::parse_iso_date(iso); }

voip::Bundle seed_bundle() {
    return *voip::make_bundle(*voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415"),
                              voip::CreatedOn{day("2018-08-01")}, voip::ExpiresOn{day("2018-09-01")},
                              voip::BundleType::residential, voip::AutoRenew::on);
}

voip::Context priced(const char* today, std::int64_t balance) {
    using voip::BundleType;
    using voip::Money;
    const auto prices = voip::make_price_list({{BundleType::business, Money{1500}},
                                               {BundleType::residential, Money{900}},
                                               {BundleType::fax_only, Money{500}},
                                               {BundleType::trunk_only, Money{2500}},
                                               {BundleType::forward_only, Money{300}}});
    return voip::make_context(day(today), voip::RenewalPolicy{}, *prices, Money{balance}).value();
}

}  // namespace

TEST_CASE("the counter sees allocations (the checks below can fail)") {
    CHECK(allocations_in([] {
              std::vector<int> v(100, 7);
              sink = sink + v[static_cast<std::size_t>(sink & 63)];
          }) >= 1);
    CHECK(allocations_in([] {
              std::string s(200, 'x');
              sink = sink + s[static_cast<std::size_t>(sink & 127)];
          }) >= 1);
}

TEST_CASE("create, update and renew decisions allocate nothing") {
    const voip::Bundle b = seed_bundle();
    const voip::Request dearer{true, voip::BundleType::business};
    const voip::Request cheaper{false, voip::BundleType::forward_only};
    const voip::Uuid u = b.uuid();
    const voip::Context plain = voip::make_context(day("2018-08-30")).value();
    const voip::Context rich = priced("2018-08-17", 100000);
    const voip::Context poor = priced("2018-08-17", 10);
    const voip::Context renew_day = priced("2018-08-30", 100000);
    const voip::Context late = priced("2018-09-20", 100000);

    CHECK(allocations_in([&] {
              keep(voip::quote_create(dearer, u, plain));
              keep(voip::create(dearer, u, plain));
              keep(voip::create(dearer, u, rich));
              keep(voip::create(dearer, u, poor));  // 402 path
          }) == 0);
    CHECK(allocations_in([&] {
              keep(voip::quote_update(b, dearer, rich));
              keep(voip::update(b, dearer, rich));
              keep(voip::update(b, dearer, poor));     // short funds
              keep(voip::update(b, cheaper, rich));    // no charge
              keep(voip::update(b, dearer, late));     // not in service
              keep(voip::upgrade_charge(b, voip::BundleType::business, rich));
          }) == 0);
    CHECK(allocations_in([&] {
              keep(voip::quote_renew(b, renew_day));
              keep(voip::renew(b, renew_day));
              keep(voip::renew(b, rich));  // outside the window
              keep(voip::renew(b, late));  // lapsed
          }) == 0);
}

TEST_CASE("the handle_* entry points allocate nothing, errors included") {
    const voip::Bundle stored = seed_bundle();
    const auto find = [&](const voip::Uuid& u) -> const voip::Bundle* { return u == stored.uuid() ? &stored : nullptr; };
    const voip::Context c = priced("2018-08-30", 100000);
    const voip::Request body{true, voip::BundleType::business};
    const voip::Uuid fresh = *voip::parse_uuid("11111111-2222-4333-8444-555555555555");
    CHECK(allocations_in([&] {
              keep(voip::create(body, fresh, c));
              keep(voip::handle_update(stored.uuid(), body, find, c));
              keep(voip::handle_update(fresh, body, find, c));  // 404
              keep(voip::handle_renew(stored.uuid(), find, c));
              keep(voip::handle_renew(fresh, find, c));
              keep(voip::upgrade_charge_breakdown(stored, voip::BundleType::business, c));
          }) == 0);
}

TEST_CASE("write_envelope with a caller buffer allocates nothing, in every layout") {
    const voip::Bundle b = seed_bundle();
    const voip::Envelope envelopes[] = {
        voip::success_envelope(voip::Operation::create, b),
        voip::success_envelope(voip::Operation::renew, b),
        voip::error_envelope(voip::Error::bundle_type_missing),
        voip::error_envelope(voip::Error::insufficient_funds),
        voip::error_envelope(voip::Error::unknown_bundle),
    };
    const voip::WriteOptions layouts[] = {{voip::Layout::compact, voip::ErrorDetail::off},
                                          {voip::Layout::pretty, voip::ErrorDetail::off},
                                          {voip::Layout::compact, voip::ErrorDetail::on},
                                          {voip::Layout::pretty, voip::ErrorDetail::on}};
    char buf[voip::max_envelope_size];
    char tiny[8];
    std::size_t written = 0;
    CHECK(allocations_in([&] {
              for (const auto& e : envelopes) {
                  for (const auto o : layouts) {
                      const auto n = voip::write_envelope(buf, buf + sizeof buf, e, o);
                      written += n ? *n : 0;
                      keep(voip::write_envelope(tiny, tiny + sizeof tiny, e, o));  // buffer_too_small
                  }
              }
          }) == 0);
    CHECK(written > 0);
    // The end-to-end path: a decision straight into the caller's buffer.
    const voip::Context c = priced("2018-08-30", 100000);
    CHECK(allocations_in([&] {
              const auto r = voip::renew(b, c);
              keep(voip::write_envelope(buf, buf + sizeof buf, voip::make_envelope(voip::Operation::renew, r)));
          }) == 0);
}

TEST_CASE("text inputs and the sweep allocate nothing") {
    const voip::Bundle bundles[3] = {seed_bundle(), seed_bundle(), seed_bundle()};
    CHECK(allocations_in([&] {
              keep(voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415"));
              keep(voip::parse_iso_date("2018-08-01"));
              keep(voip::parse_iso_date("2018-02-30"));
              keep(voip::validate(voip::RawRequest{}));
              const auto t = voip::sweep_totals(bundles, 3, day("2018-08-30"), voip::RenewalPolicy{});
              sink = sink + static_cast<long>(t.total());
          }) == 0);
}

#ifdef VOIP_ALLOC_TEST_DECODER
TEST_CASE("the strict decoder allocates nothing") {
    CHECK(allocations_in([&] {
              keep(voip::decode_request("{\n\"auto_renew\" : true,\n\"bundle_type\" : 1\n}"));
              keep(voip::parse_request(R"({"bundle_type":1,"bundle_type":2})"));
              keep(voip::parse_request(R"({"bundle_type":1.5})"));
              keep(voip::parse_request("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"));
          }) == 0);
}
#endif
