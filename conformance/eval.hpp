// What the library answers to a conformance vector's input: the generator writes it as the
// vector's "expect", the C++ runner compares it with the "expect" it reads.
#pragma once
#include <functional>
#include <map>
#include <string>

#include "codec.hpp"

namespace voip_conformance {

using Op = std::function<Json(const Json& input)>;
using Ops = std::map<std::string, Op, std::less<>>;

// The operations of each kind, by op name (conformance/README.md lists them).
void add_rule_ops(Ops& ops);  // eval_rules.cpp: term, window, feature, sweep, value
void add_wire_ops(Ops& ops);  // eval_wire.cpp: charge, decode, envelope, call

// Every op, once.
const Ops& all_ops();

// The vector's expected answer; BadVector for an unknown op or an input no factory accepts.
Json evaluate(const Json& vector);

}  // namespace voip_conformance
