// SPDX-License-Identifier: MIT
// Envelopes (envelope.hpp) and the JSON codecs of <voip/bundle_json.hpp>. An envelope is a
// frozen {status, bundle, error}: the bundle of a success (error null) or the error's name
// (bundle null); toString writes its text with the library's writer.

const OPERATION_OF_STATUS = new Map(SUCCESS_STATUS.map((s, i) => [s, i]).reverse());  // 200: update (same text as renew)

function errorCode(e, what) {
  const name = typeof e === 'string' ? e : e !== null && typeof e === 'object' ? e.error : undefined;
  const c = ERROR_CODES.get(name);
  if (!c) throw new TypeError(`${what}: a RuleError or an error name, not ${describe(e)}`);
  return c;
}
/** error_envelope: the envelope of a failure (a RuleError or an error name). */
export function errorEnvelope(error) {
  const c = errorCode(error, 'errorEnvelope');
  return Object.freeze({ status: ERROR_STATUS[c], bundle: null, error: ERROR_NAMES[c] });
}
/** success_envelope: 201 for create, 200 otherwise. */
export function successEnvelope(operation, bundle) {
  const op = enumIndex(OPERATIONS, operation, 'operation');
  object(bundle, 'bundle');
  return Object.freeze({ status: SUCCESS_STATUS[op], bundle, error: null });
}
/** make_envelope: the envelope of a decision, or of the RuleError (or error name) a call threw. */
export function makeEnvelope(operation, result) {
  if (result instanceof RuleError || typeof result === 'string') return errorEnvelope(result);
  if (result !== null && typeof result === 'object' && 'bundle' in result) return successEnvelope(operation, result.bundle);
  throw new TypeError(`makeEnvelope: a decision or a RuleError, not ${describe(result)}`);
}
/** to_string(Envelope, WriteOptions): the envelope's JSON text; options {layout: 'compact' | 'pretty', detail: boolean}. */
export function toString(envelope, options) {
  object(envelope, 'envelope');
  const layout = options?.layout ?? 'compact';
  if (layout !== 'compact' && layout !== 'pretty') throw new TypeError(`layout: 'compact' or 'pretty', not ${describe(layout)}`);
  H32[INTS + I_LAYOUT] = layout === 'pretty' ? 1 : 0;
  H32[INTS + I_DETAIL] = flag(options?.detail ?? false, 'detail');
  if (envelope.error !== null && envelope.error !== undefined) {
    H32[INTS + I_ERROR] = errorCode(envelope.error, 'envelope.error');
  } else {
    const op = OPERATION_OF_STATUS.get(envelope.status);
    if (op === undefined) throw new TypeError(`envelope.status: a success's status, not ${describe(envelope.status)}`);
    H32[INTS + I_ERROR] = 0;
    H32[INTS + I_OP] = op;
    putBundle(envelope.bundle, 'envelope.bundle');
  }
  check(wasm.envelope_text());
  return outText();
}

function body(v, what) {  // JSON text: a string (sent as UTF-8) or the bytes
  if (typeof v === 'string' || v instanceof Uint8Array) return v;
  throw new TypeError(`${what}: a string or a Uint8Array, not ${describe(v)}`);
}
function outField(i) {
  const n = I64[OUT64 + i];
  const small = n >= -9007199254740991n && n <= 9007199254740991n;
  return Object.freeze({ kind: JSON_KINDS[H32[OUTI + O_A + 2 * i]], boolean: H32[OUTI + O_B + 2 * i] === 1, integer: small ? Number(n) : n });
}
/** decode_request: the body's two members as read, {autoRenew, bundleType}, each {kind, boolean, integer}; the JSON errors. */
export function decodeRequest(text) {
  check(wasm.decode_request(body(text, 'decodeRequest')));
  return Object.freeze({ autoRenew: outField(0), bundleType: outField(1) });
}
function putField(f, i, what) {
  object(f, what);
  H32[INTS + I_RAW + 2 * i] = enumIndex(JSON_KINDS, f.kind, `${what}.kind`);
  H32[INTS + I_RAW + 1 + 2 * i] = flag(f.boolean ?? false, what, 'boolean');
  const n = f.integer ?? 0;
  if (typeof n === 'bigint') I64[IN64 + i] = BigInt.asIntN(64, n);
  else I64[IN64 + i] = BigInt(minor(n, what, 'integer'));
}
/** validate: the rules of rules.md 2 on a decoded body (bundle_type first, then auto_renew). */
export function validate(raw) {
  object(raw, 'raw');
  putField(raw.autoRenew, 0, 'raw.autoRenew');
  putField(raw.bundleType, 1, 'raw.bundleType');
  check(wasm.validate());
  return outRequest();
}
/** parse_request: decode_request, then validate. */
export function parseRequest(text) {
  check(wasm.parse_request(body(text, 'parseRequest')));
  return outRequest();
}
/** check_json_object: true, or the RuleError of the first JSON rule the text breaks. */
export function checkJsonObject(text) {
  check(wasm.check_json_object(body(text, 'checkJsonObject')));
  return true;
}
/** parse_create: POST /bundle's body. */
export function parseCreate(text) {
  check(wasm.parse_create(body(text, 'parseCreate')));
  return outRequest();
}
/** parse_update: PUT /bundle/{uuid}: the uuid first, then the body; {uuid, request}. */
export function parseUpdate(uuidText, text) {
  check(wasm.parse_update(string(uuidText, 'uuid'), body(text, 'parseUpdate')));
  return Object.freeze({ uuid: text_(OUT, 36), request: outRequest() });
}
/** parse_renew: POST /bundle/{uuid}/renew: the canonical uuid; RuleError malformed_uuid. */
export function parseRenew(uuidText) {
  check(wasm.parse_renew(string(uuidText, 'uuid')));
  return text_(OUT, 36);
}
/** decode_bundle: a stored bundle's JSON line to a bundle. */
export function decodeBundle(line) {
  H32[LEN + T_UUID] = 0;
  H32[INTS + I_BUNDLE_SLOT] = 0;
  check(wasm.decode_bundle(body(line, 'decodeBundle')));
  return outBundle('');
}
/** encode_bundle: the bundle's JSON line (the seed's result members plus created_on). */
export function encodeBundle(bundle) {
  putBundle(bundle);
  check(wasm.encode_bundle());
  return outText();
}
/** decode_prices: {"1": 1500, ...} to a price list; RuleError invalid_policy and the JSON errors. */
export function decodePrices(text) {
  check(wasm.decode_prices(body(text, 'decodePrices')));
  return outPrices();
}
