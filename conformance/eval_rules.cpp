// The rules' operations of the conformance vectors: kinds term, window, feature, sweep, value.
#include <vector>

#include "eval.hpp"

namespace voip_conformance {

namespace {

Json day_outcome(const tl::expected<date::sys_days, voip::Error>& r) { return outcome(r, day_json); }

void add_term_ops(Ops& ops) {
    ops["first_expiry"] = [](const Json& in) {
        return day_outcome(voip::first_expiry(day_of(in.at("start")), policy_of(in.at("policy"))));
    };
    ops["add_term"] = [](const Json& in) {
        return day_outcome(voip::add_term(day_of(in.at("from")), voip::CreatedOn{day_of(in.at("anchor"))}, policy_of(in.at("policy"))));
    };
    ops["next_expiry"] = [](const Json& in) {
        return day_outcome(voip::next_expiry(bundle_of(in.at("bundle")), policy_of(in.at("policy"))));
    };
    ops["term_start"] = [](const Json& in) {
        return day_outcome(
            voip::term_start(voip::CreatedOn{day_of(in.at("created_on"))}, day_of(in.at("term_end")), policy_of(in.at("policy"))));
    };
}

Json features_json(voip::FeatureSet s) {
    Json out = Json::array();
    for (std::size_t f = 0; f < voip::feature_count; ++f)
        if (s.has(static_cast<voip::Feature>(f))) out.push_back(std::string(voip::name(static_cast<voip::Feature>(f))));
    return out;
}

voip::Feature feature_of(const Json& j) {
    for (std::size_t f = 0; f < voip::feature_count; ++f)
        if (voip::name(static_cast<voip::Feature>(f)) == j.get<std::string>()) return static_cast<voip::Feature>(f);
    throw BadVector("not a feature: " + j.dump());
}

void add_window_ops(Ops& ops) {
    ops["state_on"] = [](const Json& in) {
        const voip::State s = voip::state_on(voip::ExpiresOn{day_of(in.at("expires_on"))}, day_of(in.at("day")), policy_of(in.at("policy")));
        return result_json(std::string(voip::name(s)));
    };
    ops["renewal_window"] = [](const Json& in) {
        const voip::RenewalWindow w = voip::renewal_window(day_of(in.at("expires_on")), policy_of(in.at("policy")));
        return result_json(Json{{"first", day_json(w.first)}, {"last", day_json(w.last)}});
    };
    ops["can_renew"] = [](const Json& in) {
        return outcome(voip::can_renew(bundle_of(in.at("bundle")), day_of(in.at("day")), policy_of(in.at("policy"))));
    };
    ops["features_on"] = [](const Json& in) {
        return result_json(
            features_json(voip::features_on(bundle_of(in.at("bundle")), day_of(in.at("day")), policy_of(in.at("policy")))));
    };
    ops["check_feature"] = [](const Json& in) {
        std::optional<voip::Bundle> b;
        if (!in.at("bundle").is_null()) b = bundle_of(in.at("bundle"));
        return outcome(voip::check_feature(b ? &*b : nullptr, feature_of(in.at("feature")), day_of(in.at("day")),
                                           policy_of(in.at("policy"))));
    };
}

void add_sweep_ops(Ops& ops) {
    ops["sweep_action"] = [](const Json& in) {
        const voip::SweepAction a = voip::sweep_action(voip::ExpiresOn{day_of(in.at("expires_on"))}, in.at("auto_renew").get<bool>(),
                                                       day_of(in.at("day")), policy_of(in.at("policy")));
        return result_json(std::string(voip::name(a)));
    };
    ops["sweep_ranges"] = [](const Json& in) {
        return outcome(voip::sweep_ranges(day_of(in.at("day")), policy_of(in.at("policy"))), [](const voip::SweepRanges& r) {
            return Json{{"renew_first", day_count(r.renew_first)},
                        {"renew_last", day_count(r.renew_last)},
                        {"lapsed_before", day_count(r.lapsed_before)}};
        });
    };
    ops["sweep_totals"] = [](const Json& in) {
        std::vector<voip::Bundle> bundles;
        for (const Json& b : in.at("bundles")) bundles.push_back(bundle_of(b));
        const voip::SweepTotals t =
            voip::sweep_totals(bundles.data(), bundles.size(), day_of(in.at("day")), policy_of(in.at("policy")));
        return result_json(Json{{"none", t.none}, {"renew", t.renew}, {"lapsed", t.lapsed}});
    };
}

Json money_outcome(const tl::expected<voip::Money, voip::Error>& r) {
    return outcome(r, [](voip::Money m) { return Json(m.minor); });
}

void add_value_ops(Ops& ops) {
    ops["make_bundle"] = [](const Json& in) {
        return outcome(voip::make_bundle(uuid_of(in.at("uuid")), voip::CreatedOn{day_of(in.at("created_on"))},
                                         voip::ExpiresOn{day_of(in.at("expires_on"))}, type_of(in.at("bundle_type")),
                                         in.at("auto_renew").get<bool>() ? voip::AutoRenew::on : voip::AutoRenew::off),
                       bundle_json);
    };
    ops["make_renewal_policy"] = [](const Json& in) { return outcome(make_policy(in), policy_json); };
    ops["make_context"] = [](const Json& in) { return outcome(make_context_of(in), context_json); };
    ops["pro_rata"] = [](const Json& in) {
        return money_outcome(voip::pro_rata(voip::Money{in.at("amount").get<std::int64_t>()},
                                            in.at("part").get<std::int64_t>(), in.at("whole").get<std::int64_t>()));
    };
    ops["add"] = [](const Json& in) {
        return money_outcome(voip::add(voip::Money{in.at("a").get<std::int64_t>()}, voip::Money{in.at("b").get<std::int64_t>()}));
    };
    ops["subtract"] = [](const Json& in) {
        return money_outcome(
            voip::subtract(voip::Money{in.at("a").get<std::int64_t>()}, voip::Money{in.at("b").get<std::int64_t>()}));
    };
    ops["shortest_term_days"] = [](const Json& in) {
        return result_json(voip::shortest_term_days(in.at("months").get<int>()));
    };
    ops["status"] = [](const Json& in) {
        for (auto e = static_cast<int>(voip::first_error); e <= static_cast<int>(voip::last_error); ++e)
            if (voip::name(static_cast<voip::Error>(e)) == in.at("error").get<std::string>()) {
                const voip::Status s = voip::status(static_cast<voip::Error>(e));
                return result_json(Json{{"status", voip::code(s)}, {"status_message", std::string(voip::status_message(s))}});
            }
        throw BadVector("not an error: " + in.dump());
    };
    ops["allowed_operations"] = [](const Json& in) {
        for (const voip::State s : {voip::State::active, voip::State::renewal_open, voip::State::grace, voip::State::lapsed})
            if (voip::name(s) == in.at("state").get<std::string>()) {
                Json out = Json::array();
                for (const voip::Operation o : {voip::Operation::create, voip::Operation::update, voip::Operation::renew})
                    if (voip::allowed_operations(s).has(o)) out.push_back(std::string(voip::name(o)));
                return result_json(out);
            }
        throw BadVector("not a state: " + in.dump());
    };
}

}  // namespace

void add_rule_ops(Ops& ops) {
    add_term_ops(ops);
    add_window_ops(ops);
    add_sweep_ops(ops);
    add_value_ops(ops);
}

}  // namespace voip_conformance
