// term_start's created_on is typed (CreatedOn): two bare days, which could swap silently, do not compile.
#include <voip/bundle.hpp>
int main() {
    const auto created = *voip::parse_iso_date("2018-08-01");
    const auto expires = *voip::parse_iso_date("2018-09-01");
    const auto today = *voip::parse_iso_date("2018-08-30");
    const voip::RenewalPolicy p;
#ifdef VOIP_MISUSE
    const auto r = voip::term_start(expires, created, p);  // swapped, bare
#else
    const auto r = voip::term_start(voip::CreatedOn{created}, expires, p);
#endif
    return created < today && r.has_value() ? 0 : 1;
}
