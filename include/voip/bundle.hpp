// SPDX-License-Identifier: MIT
#pragma once
// voip-bundle: the business rules of the VoIP Bundle (Subscriptions) API.
// One header per idea under voip/bundle/; this one includes every rule, as the single
// header does. The JSON codecs are <voip/bundle_json.hpp>, so a program that only decides
// does not parse the JSON lexer.
#include "bundle/version.hpp"
#include "bundle/error.hpp"
#include "bundle/bundle_type.hpp"
#include "bundle/iso_date.hpp"
#include "bundle/uuid.hpp"
#include "bundle/money.hpp"
#include "bundle/price_list.hpp"
#include "bundle/renewal_policy.hpp"
#include "bundle/bundle.hpp"
#include "bundle/term.hpp"
#include "bundle/context.hpp"
#include "bundle/renewal_window.hpp"
#include "bundle/state.hpp"
#include "bundle/operation_set.hpp"
#include "bundle/charge.hpp"
#include "bundle/request.hpp"
#include "bundle/schema.hpp"
#include "bundle/operations.hpp"
#include "bundle/envelope.hpp"
#include "bundle/sweep.hpp"
#include "bundle/features.hpp"
