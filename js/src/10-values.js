// SPDX-License-Identifier: MIT
// The values: bundles, policies, price lists, contexts and requests, as frozen plain
// objects made by the library's factories (make_bundle, make_renewal_policy, ...).

/** The bundle types' wire codes, keyed by the C++ enumerators' names. */
export const BundleType = Object.freeze({ business: 1, residential: 2, fax_only: 3, trunk_only: 4, forward_only: 5 });

// Bundles the wasm keeps (io.hpp): the last one it put out, and the last one it read from
// the texts that was frozen (its members then cannot change). Passed again, such a bundle
// crosses as its slot, once the serial the wasm publishes for the slot is still the one
// recorded with it; any other bundle crosses as its texts.
let outKept = null, outSerial = 0, inKept = null, inSerial = 0, inPending = null, inBefore = 0;
function keptSlot(b) {
  if (inPending !== null) {  // the last text bundle asked to be kept: did the wasm keep it?
    if (H32[INTS + I_IN_SERIAL] !== inBefore) (inKept = inPending), (inSerial = H32[INTS + I_IN_SERIAL]);
    inPending = null;
  }
  if (b === outKept && H32[INTS + I_OUT_SERIAL] === outSerial) return 1;
  if (b === inKept && H32[INTS + I_IN_SERIAL] === inSerial) return 2;
  return 0;
}
function putBundle(b, what = 'bundle') {
  const slot = keptSlot(b);
  if (slot !== 0) {
    H32[INTS + I_BUNDLE_SLOT] = slot;
    return;
  }
  object(b, what);
  putText(T_UUID, string(b.uuid, what, 'uuid'));
  putDay(T_CREATED, b.createdOn, what, 'createdOn');
  putDay(T_EXPIRES, b.expiresOn, what, 'expiresOn');
  H32[INTS + I_TYPE] = typeCode(b.bundleType, what, 'bundleType');
  H32[INTS + I_AUTO] = flag(b.autoRenew, what, 'autoRenew');
  const keep = Object.isFrozen(b) && typeof b.createdOn === 'string' && typeof b.expiresOn === 'string';
  H32[INTS + I_KEEP_IN] = keep ? 1 : 0;
  if (keep) (inPending = b), (inBefore = H32[INTS + I_IN_SERIAL]);
}
// The bundle the last call wrote (and the wasm kept in slot 1); `uuid` is kept when the
// library wrote the same text.
function outBundle(uuid) {
  const b = Object.freeze({
    uuid: H32[OUTI + O_SAME_UUID] === 1 ? uuid : text_(OUT, 36),
    createdOn: date10(OUT + 36),
    expiresOn: date10(OUT + 46),
    bundleType: H32[OUTI + O_TYPE],
    autoRenew: H32[OUTI + O_AUTO] === 1,
  });
  outKept = b;
  outSerial = H32[INTS + I_OUT_SERIAL];
  return b;
}

/** make_bundle: RuleError bundle_type_out_of_range, malformed_uuid, malformed_date, date_out_of_range, invalid_bundle. */
export function makeBundle(uuid, createdOn, expiresOn, bundleType, autoRenew) {
  putBundle({ uuid, createdOn, expiresOn, bundleType, autoRenew }, 'makeBundle');
  check(wasm.make_bundle());
  return outBundle(uuid);
}
/** Bundle::with_type: the same bundle with another type and flag. */
export function withType(bundle, bundleType, autoRenew) {
  putBundle(bundle);
  H32[INTS + I_RTYPE] = typeCode(bundleType, 'bundleType');
  H32[INTS + I_RAUTO] = flag(autoRenew, 'autoRenew');
  check(wasm.with_type());
  return outBundle(bundle.uuid);
}
/** Bundle::renewed_until: the same bundle expiring on another day. */
export function renewedUntil(bundle, expiresOn) {
  putBundle(bundle);
  putDay(T_DAY, expiresOn, 'expiresOn');
  check(wasm.renewed_until());
  return outBundle(bundle.uuid);
}

const SEED_POLICY = Object.freeze({ monthEnd: 'clamp', termMonths: 1, renewDaysBefore: 3, renewDaysAfter: 5 });
function putPolicy(p, what = 'policy') {
  if (p === undefined) p = SEED_POLICY;
  object(p, what);
  const m = MONTH_ENDS.indexOf(string(p.monthEnd, what, 'monthEnd'));
  H32[INTS + I_MONTH_END] = m < 0 ? 255 : m;  // a name of no mode: invalid_policy
  H32[INTS + I_TERM] = integer(p.termMonths, what, 'termMonths');
  H32[INTS + I_BEFORE] = integer(p.renewDaysBefore, what, 'renewDaysBefore');
  H32[INTS + I_AFTER] = integer(p.renewDaysAfter, what, 'renewDaysAfter');
}
/** make_renewal_policy: omitted arguments are the seed's (clamp, 1 month, 3 days before, 5 after); RuleError invalid_policy. */
export function makeRenewalPolicy(monthEnd = 'clamp', termMonths = 1, daysBefore = 3, daysAfter = 5) {
  const p = { monthEnd, termMonths, renewDaysBefore: daysBefore, renewDaysAfter: daysAfter };
  putPolicy(p, 'makeRenewalPolicy');
  check(wasm.make_renewal_policy());
  return Object.freeze(p);
}

function outPrices() {
  const p = {};
  for (let c = 1; c <= 5; c++) p[c] = F64[OUTN + c - 1];
  return Object.freeze(p);
}
/** make_price_list from {code: minor units} (an object or a Map): each of the five types once; RuleError invalid_policy. */
export function makePriceList(prices) {
  const entries = prices instanceof Map ? [...prices] : Object.entries(object(prices, 'prices'));
  entries.slice(0, 6).forEach(([type, price], i) => {
    H32[INTS + I_ENTRY_TYPES + i] = typeCode(Number(type), 'a price list key');
    F64[NUM + i] = minor(price, `prices[${type}]`);
  });
  H32[INTS + I_ENTRY_COUNT] = entries.length;
  check(wasm.make_price_list());
  return outPrices();
}
const PRICE_LABELS = [null, 'prices[1]', 'prices[2]', 'prices[3]', 'prices[4]', 'prices[5]'];
function putPrices(p) {
  object(p, 'context.prices');
  for (let c = 1; c <= 5; c++) F64[NUM + c - 1] = p[c] === undefined ? -1 : minor(p[c], PRICE_LABELS[c]);
}

function putContext(c, what = 'context') {
  object(c, what);
  putDay(T_TODAY, c.today, what, 'today');
  putPolicy(c.policy, what === 'context' ? 'context.policy' : `${what}.policy`);
  const hasPrices = c.prices !== null && c.prices !== undefined;
  if (hasPrices) putPrices(c.prices);
  H32[INTS + I_HAS_PRICES] = hasPrices ? 1 : 0;
  const hasBalance = c.balance !== null && c.balance !== undefined;
  if (hasBalance) F64[NUM + N_BALANCE] = minor(c.balance, what, 'balance');
  H32[INTS + I_HAS_BALANCE] = hasBalance ? 1 : 0;
}
/** make_context: today, the policy (default: the seed's), prices and balance (null: none); RuleError date_out_of_range, amount_out_of_range. */
export function makeContext(today, policy = SEED_POLICY, prices = null, balance = null) {
  const c = { today: dayText(today, 'today'), policy, prices, balance };
  putContext(c, 'makeContext');
  check(wasm.make_context());
  const frozen = (v) => (v === null || v === undefined ? null : Object.isFrozen(v) ? v : Object.freeze({ ...v }));
  return Object.freeze({ ...c, policy: frozen(policy), prices: frozen(prices), balance: balance ?? null });
}
/** Context::with_today, with_balance, with_policy. */
export const withToday = (c, day) => makeContext(day, c.policy, c.prices, c.balance);
export const withBalance = (c, balance) => makeContext(c.today, c.policy, c.prices, balance);
export const withPolicy = (c, policy) => makeContext(c.today, policy, c.prices, c.balance);

function putRequest(r, what = 'request') {
  object(r, what);
  H32[INTS + I_RTYPE] = typeCode(r.bundleType, what, 'bundleType');
  H32[INTS + I_RAUTO] = flag(r.autoRenew, what, 'autoRenew');
}
const outRequest = () => Object.freeze({ bundleType: H32[OUTI + O_TYPE], autoRenew: H32[OUTI + O_AUTO] === 1 });
/** A valid create or update body (voip::Request); RuleError bundle_type_out_of_range. */
export function makeRequest(bundleType, autoRenew = false) {
  const r = { bundleType, autoRenew };
  putRequest(r, 'makeRequest');
  check(wasm.make_request());
  return Object.freeze(r);
}
/** bundle_type_from_code: the code itself, or RuleError bundle_type_out_of_range outside 1..5. */
export const bundleTypeFromCode = (code) => makeRequest(code).bundleType;
/** The seed's label of a type: 'Business', 'Residential', 'Fax Only', 'Trunk Only', 'Forward Only'. */
export const label = (bundleType) => LABELS[bundleTypeFromCode(bundleType)];

/** parse_uuid: the canonical lowercase text; RuleError malformed_uuid. */
export function parseUuid(s) {
  putText(T_UUID, string(s, 'parseUuid'));
  H32[OUTI + O_SAME_UUID] = 0;
  check(wasm.parse_uuid());
  return text_(OUT, 36);
}
/** parse_iso_date: the same 'YYYY-MM-DD' text when it names a real day in 0001..9999; RuleError malformed_date. */
export function parseIsoDate(s) {
  putText(T_DAY, string(s, 'parseIsoDate'));
  check(wasm.parse_iso_date());
  return outDay();
}
/** A day (a 'YYYY-MM-DD' string or a Date, its UTC day) as 'YYYY-MM-DD', checked by parse_iso_date. */
export const toIsoString = (day) => parseIsoDate(dayText(day, 'day'));

/** status(Error): the HTTP status an error name answers with. */
export function status(error) {
  const c = ERROR_CODES.get(error);
  if (!c) throw new TypeError(`status: no error is named ${describe(error)}`);
  return ERROR_STATUS[c];
}
/** The seed's status_message of an HTTP status: 'OK', 'Payment Required', ... */
export const statusMessage = (code) => wasm.status_message(integer(code, 'status'));
/** Every error name, in the library's order. */
export const errorNames = Object.freeze(ERROR_NAMES.slice(1));
export const minDay = (check(wasm.day_limit(false)), outDay());
export const maxDay = (check(wasm.day_limit(true)), outDay());
export const maxAmount = wasm.max_amount();
export const version = ((v) => `${Math.floor(v / 10000)}.${Math.floor(v / 100) % 100}.${v % 100}`)(wasm.counts(3));
