// make_bundle: a bundle from checked parts, and each way it refuses one.
#include <voip/bundle.hpp>

#include <iostream>

namespace {
void show(const char* what, const tl::expected<voip::Bundle, voip::Error>& b) {
    std::cout << what << ": ";
    if (b) std::cout << *b << '\n';
    else std::cout << b.error() << " (" << voip::status(b.error()) << ")\n";
}
}  // namespace

int main() {
    const auto uuid = voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415");
    const auto created = voip::parse_iso_date("2018-08-01");
    const auto expires = voip::parse_iso_date("2018-09-01");
    if (!uuid || !created || !expires) return 1;
    using voip::AutoRenew;
    using voip::BundleType;
    using voip::CreatedOn;
    using voip::ExpiresOn;

    const auto b = voip::make_bundle(*uuid, CreatedOn{*created}, ExpiresOn{*expires}, BundleType::residential,
                                     AutoRenew::on);
    show("made", b);
    if (!b) return 1;
    std::cout << "expires_on(): " << voip::IsoDate{b->expires_on()} << '\n';

    // A type byte outside 1..5, as a cast could make it.
    show("type 6", voip::make_bundle(*uuid, CreatedOn{*created}, ExpiresOn{*expires}, static_cast<BundleType>(6),
                                     AutoRenew::off));
    // A day after 9999-12-31.
    show("after max_day", voip::make_bundle(*uuid, CreatedOn{*created}, ExpiresOn{voip::max_day + date::days{1}},
                                            BundleType::business, AutoRenew::off));
    // expires_on not after created_on.
    show("swapped dates", voip::make_bundle(*uuid, CreatedOn{*expires}, ExpiresOn{*created}, BundleType::business,
                                            AutoRenew::off));
    show("same day", voip::make_bundle(*uuid, CreatedOn{*created}, ExpiresOn{*created}, BundleType::business,
                                       AutoRenew::off));

    // Changes keep the invariants: with_type (update) and renewed_until (renew).
    show("to type 1", b->with_type(BundleType::business, AutoRenew::off));
    show("renewed until created_on", b->renewed_until(ExpiresOn{*created}));
}
