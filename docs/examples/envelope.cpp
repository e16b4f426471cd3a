// Envelopes: the seed's JSON answer, compact or in the seed's layout, with or without detail.
#include <voip/bundle.hpp>

#include <iostream>

int main() {
    const auto uuid = voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415");
    const auto created = voip::parse_iso_date("2018-08-01");
    const auto expires = voip::parse_iso_date("2018-09-01");
    if (!uuid || !created || !expires) return 1;
    const auto b = voip::make_bundle(*uuid, voip::CreatedOn{*created}, voip::ExpiresOn{*expires},
                                     voip::BundleType::residential, voip::AutoRenew::on);
    if (!b) return 1;

    const voip::Envelope created_env = voip::success_envelope(voip::Operation::create, *b);
    std::cout << "status " << created_env.status() << ", bundle() " << (created_env.bundle() ? "set" : "null") << '\n';
    std::cout << voip::to_string(created_env) << '\n';
    std::cout << voip::to_string(created_env, voip::Layout::pretty) << '\n';

    const voip::Envelope refused = voip::error_envelope(voip::Error::outside_renewal_window);
    std::cout << "status " << refused.status() << ", outcome " << refused.outcome().error() << '\n';
    std::cout << voip::to_string(refused) << '\n';
    std::cout << voip::to_string(refused, voip::ErrorDetail::on) << '\n';
    std::cout << voip::to_string(refused, {voip::Layout::pretty, voip::ErrorDetail::on}) << '\n';

    // make_envelope from a decision: 200 for renew.
    const auto today = voip::parse_iso_date("2018-08-30");
    if (!today) return 1;
    std::cout << voip::make_envelope(voip::Operation::renew, voip::renew(*b, voip::make_context(*today).value())) << '\n';

    // A writer's short buffer is the caller's mistake: 500, not the request's 400.
    std::cout << voip::error_envelope(voip::Error::buffer_too_small) << '\n';

    // Into a caller's buffer: max_envelope_size always fits, a short buffer is refused.
    char buf[voip::max_envelope_size];
    const auto n = voip::write_envelope(buf, buf + sizeof buf, created_env);
    if (!n) return 1;
    std::cout << "wrote " << *n << " of " << voip::max_envelope_size << '\n';
    const auto short_buf = voip::write_envelope(buf, buf + 20, created_env);
    std::cout << "20 characters: " << (short_buf ? "written" : voip::name(short_buf.error())) << '\n';
}
