// features_on and check_feature: what a bundle allows on a day (rules.md 9).
#include <voip/bundle.hpp>

#include <iostream>

namespace {
void show(const char* what, const tl::expected<void, voip::Error>& r) {
    std::cout << what << ": ";
    if (r) std::cout << "allowed\n";
    else std::cout << r.error() << " (" << voip::status(r.error()) << ")\n";
}
}  // namespace

int main() {
    const auto uuid = voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415");
    const auto created = voip::parse_iso_date("2018-08-01");
    const auto expires = voip::parse_iso_date("2018-09-01");
    const auto today = voip::parse_iso_date("2018-08-17");
    if (!uuid || !created || !expires || !today) return 1;
    const auto fax = voip::make_bundle(*uuid, voip::CreatedOn{*created}, voip::ExpiresOn{*expires},
                                       voip::BundleType::fax_only, voip::AutoRenew::off);
    if (!fax) return 1;
    const voip::RenewalPolicy p;

    std::cout << "default table: " << voip::default_feature_table() << '\n';
    const voip::FeatureSet on_day = voip::features_on(*fax, *today, p);
    std::cout << "features_on 2018-08-17: " << on_day << " (" << on_day.size() << ")\n";
    std::cout << "features_on 2018-09-01: " << voip::features_on(*fax, *expires, p) << '\n';

    show("efax", voip::check_feature(&*fax, voip::Feature::efax, *today, p));
    show("sip_accounts", voip::check_feature(&*fax, voip::Feature::sip_accounts, *today, p));
    show("efax after expiry", voip::check_feature(&*fax, voip::Feature::efax, *expires, p));
    show("no bundle", voip::check_feature(nullptr, voip::Feature::efax, *today, p));
    show("can_create_number", voip::can_create_number(&*fax, *today, p));
    show("can_create_sip_account", voip::can_create_sip_account(&*fax, *today, p));

    // An operator's own table: Fax Only gains voicemail.
    voip::FeatureTable mine = voip::default_feature_table();
    mine.by_type[voip::index(voip::BundleType::fax_only)] =
        mine.at(voip::BundleType::fax_only)->with(voip::Feature::voicemail).without(voip::Feature::caller_id);
    std::cout << "own table, Fax Only: " << *mine.at(voip::BundleType::fax_only) << '\n';
    show("voicemail, own table", voip::check_feature(&*fax, voip::Feature::voicemail, *today, p, mine));
    std::cout << "bits of all(): " << voip::FeatureSet::all().bits() << '\n';
}
