// SPDX-License-Identifier: MIT
// Create, update and renew, their quotes and handlers (operations.hpp), charges
// (charge.hpp, money.hpp) and features (features.hpp). A decision is a frozen
// {bundle, charge}: the bundle as it would be stored afterwards, the charge in minor units.

const outDecision = (uuid) => Object.freeze({ bundle: outBundle(uuid), charge: F64[OUTN] });

function onRequest(fn, request, uuid, context) {
  putRequest(request);
  putText(T_UUID, string(uuid, 'uuid'));
  putContext(context);
  check(fn());
  return outDecision(uuid);
}
function onUpdate(fn, bundle, request, context) {
  putBundle(bundle);
  putRequest(request);
  putContext(context);
  check(fn());
  return outDecision(bundle.uuid);
}
function onRenew(fn, bundle, context) {
  putBundle(bundle);
  putContext(context);
  check(fn());
  return outDecision(bundle.uuid);
}

/** quote_create: create() without the funds check. */
export const quoteCreate = (request, uuid, context) => onRequest(wasm.quote_create, request, uuid, context);
/** create: the bundle starts today and expires one term later; RuleError insufficient_funds_on_create, ... */
export const create = (request, uuid, context) => onRequest(wasm.create, request, uuid, context);
/** quote_update: update() without the funds check. */
export const quoteUpdate = (bundle, request, context) => onUpdate(wasm.quote_update, bundle, request, context);
/** update: a new type and flag, the upgrade charged; RuleError not_in_service, insufficient_funds, ... */
export const update = (bundle, request, context) => onUpdate(wasm.update, bundle, request, context);
/** quote_renew: renew() without the funds check. */
export const quoteRenew = (bundle, context) => onRenew(wasm.quote_renew, bundle, context);
/** renew: one term after the old expiry, inside the window only; RuleError outside_renewal_window, insufficient_funds, ... */
export const renew = (bundle, context) => onRenew(wasm.renew, bundle, context);

function handle(uuid, request, find, context) {
  putText(T_UUID2, string(uuid, 'uuid'));
  if (typeof find !== 'function') throw new TypeError(`find: a function, not ${describe(find)}`);
  putText(T_UUID, uuid);
  H32[OUTI + O_SAME_UUID] = 0;
  check(wasm.parse_uuid());  // find() is given the canonical text, as the handlers' callers give a Uuid
  const found = find(text_(OUT, 36));
  if (found !== null && found !== undefined) putBundle(found, 'find()');
  H32[INTS + I_FOUND] = found !== null && found !== undefined ? 1 : 0;
  if (request !== null) putRequest(request);
  putContext(context);
  check(request !== null ? wasm.handle_update() : wasm.handle_renew());
  return outDecision(found ? found.uuid : '');
}
/** handle_update: update() of the bundle find(uuid) returns; RuleError unknown_bundle when it returns null or undefined. */
export const handleUpdate = (uuid, request, find, context) => handle(uuid, object(request, 'request'), find, context);
/** handle_renew: renew() of the bundle find(uuid) returns; RuleError unknown_bundle when it returns null or undefined. */
export const handleRenew = (uuid, find, context) => handle(uuid, null, find, context);

/** upgrade_charge: the charge for moving the bundle to another type today. */
export function upgradeCharge(bundle, to, context) {
  putBundle(bundle);
  H32[INTS + I_RTYPE] = typeCode(to, 'to');
  putContext(context);
  check(wasm.upgrade_charge());
  return F64[OUTN];
}
/** affordable: whether the reseller can pay `charge`. */
export function affordable(charge, context) {
  F64[NUM + N_AMOUNT] = minor(charge, 'charge');
  putContext(context);
  check(wasm.affordable());
  return H32[OUTI + O_A] === 1;
}
/** to_decimal_string: '15.00' for 1500 (minorDigits 0..18, default 2); RuleError invalid_policy. */
export function toDecimalString(amount, minorDigits = 2) {
  F64[NUM + N_AMOUNT] = minor(amount, 'amount');
  H32[INTS + I_DIGITS] = integer(minorDigits, 'minorDigits');
  check(wasm.to_decimal_string());
  return outText();
}

const featureList = (bits) => Object.freeze(FEATURES.filter((_, i) => (bits & (1 << i)) !== 0));
/** default_feature_table: {code: [feature names]}. */
export function defaultFeatureTable() {
  const t = {};
  for (let c = 1; c <= 5; c++) t[c] = featureList(wasm.default_features(c));
  return Object.freeze(t);
}
function putDayOrContext(a, b) {
  if (isContext(a)) {
    putText(T_DAY, object(a, 'context').today === undefined ? '' : dayText(a.today, 'context.today'));
    putPolicy(a.policy, 'context.policy');
  } else {
    putDay(T_DAY, a, 'day');
    putPolicy(b);
  }
}
/** features_on(bundle, day, policy) or (bundle, context), under the default table. */
export function featuresOn(bundle, a, b) {
  putBundle(bundle);
  putDayOrContext(a, b);
  check(wasm.features_on());
  return featureList(H32[OUTI + O_A]);
}
/** check_feature(bundle | null, feature, day, policy) or (..., context): true, or RuleError unknown_bundle, not_in_service, feature_not_in_type. */
export function checkFeature(bundle, feature, a, b) {
  const found = bundle !== null && bundle !== undefined;
  if (found) putBundle(bundle);
  H32[INTS + I_FOUND] = found ? 1 : 0;
  H32[INTS + I_OP] = enumIndex(FEATURES, feature, 'feature');
  putDayOrContext(a, b);
  check(wasm.check_feature());
  return true;
}
/** can_create_sip_account: checkFeature(bundle, 'sip_accounts', ...). */
export const canCreateSipAccount = (bundle, a, b) => checkFeature(bundle, 'sip_accounts', a, b);
/** can_create_number: checkFeature(bundle, 'phone_numbers', ...). */
export const canCreateNumber = (bundle, a, b) => checkFeature(bundle, 'phone_numbers', a, b);
