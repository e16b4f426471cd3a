// SPDX-License-Identifier: MIT
#pragma once
// Strict, fast JSON text for the library: request bodies in, stored bundles in and out,
// price lists in. Dependency-free: the umbrella voip/bundle.hpp includes it, as the single header does.
//
// Dependency-free and hand-written, because the rules want more than a general JSON parser
// gives (rules.md 2) and the hot path wants less:
//   * the whole text is validated against the JSON grammar (RFC 8259), unknown members of
//     any type included: they are ignored, but never skipped unchecked;
//   * the text must be UTF-8: no overlong forms, no surrogates (raw or as \u escapes that do
//     not pair up), nothing above U+10FFFF;
//   * a member name given twice in any object is an error, names compared after unescaping
//     ("a" and "\u0061" are the same name);
//   * the text is at most max_body_size bytes and nests at most max_nesting deep.
// Each failure is its own Error. Nothing throws, nothing allocates (but encode_bundle,
// which returns a std::string), nothing recurses: the
// scanner is a loop over an explicit, bounded stack, so 100000 '[' is a nesting_too_deep,
// not a stack overflow.
//
// When a text breaks several rules, the first break in text order is reported, with two
// exceptions: body_too_large is checked before reading anything, and body_not_object only
// once the whole text is known to be valid JSON ("[1," is invalid_json).
// Outside strings, a byte that does not start valid UTF-8 is invalid_utf8; a valid
// non-ASCII character there (a byte order mark, say) is invalid_json. An escaped lone
// surrogate ("\ud800") is invalid_utf8: the string it spells has no UTF-8 form.
//
// The common body is read by a fast path, anything else by the general scanner, which is
// the reference (json/scan_object.hpp).
//
// Every decoder takes a std::string_view or (const char*, size_t), so fuzzers can call it.
//
// The pieces, each a header of include/voip/bundle/json/:
//   limits.hpp         max_body_size, max_nesting and the scratch sizes they bound
//   lexer.hpp          byte classes, UTF-8, strings, numbers, literals
//   member_values.hpp  MemberValue and the decoders from members to values, shared with
//                      the nlohmann adapter (and any other reader of JSON)
//   members.hpp        Value and Members: what the known members of an object held
//   scanner.hpp        the general scanner (any text, every rule)
//   fast_scan.hpp      the fast path (the common body, names matched in place)
//   scan_object.hpp    scan_object: the size bound, the fast path, else the general scanner
//   request_codec.hpp  request bodies: decode_request, parse_request, check_json_object
//   bundle_codec.hpp   stored bundles: decode_bundle, write_bundle_json, encode_bundle
//   price_codec.hpp    price lists: decode_prices
//   calls.hpp          a call's uuid and body in the rules' order: parse_create,
//                      parse_update, parse_renew
#include "bundle/json/limits.hpp"
#include "bundle/json/lexer.hpp"
#include "bundle/json/member_values.hpp"
#include "bundle/json/members.hpp"
#include "bundle/json/scanner.hpp"
#include "bundle/json/fast_scan.hpp"
#include "bundle/json/scan_object.hpp"
#include "bundle/json/request_codec.hpp"
#include "bundle/json/bundle_codec.hpp"
#include "bundle/json/price_codec.hpp"
#include "bundle/json/calls.hpp"
