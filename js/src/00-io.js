// SPDX-License-Identifier: MIT
// voip-bundle for JavaScript: the C++ library's rules compiled to WebAssembly (bindings.cpp).
// This file and the next ones (js/src/*.js, in name order) are one ES module, appended by
// emcc (--extern-post-js) after the module factory it generates, so the package is one
// file with the wasm embedded. Here: loading, the Io block (io.hpp), the library's tables,
// RuleError and the conversions of JavaScript arguments. No rule is decided in JavaScript.

// Top-level await: an importer waits until the wasm is compiled and the tables are read.
const wasm = await createVoipBundleWasm();

const base = wasm.io_address();
const H8 = wasm.HEAPU8;
const H32 = wasm.HEAP32;
const F64 = wasm.HEAPF64;
const I64 = new BigInt64Array(H8.buffer);  // the memory never grows (ALLOW_MEMORY_GROWTH=0)
const NUM = base >> 3, INTS = (base + 128) >> 2, LEN = (base + 256) >> 2, TEXT = base + 288;
const OUTI = (base + 672) >> 2, OUTN = (base + 704) >> 3, OUT64 = (base + 768) >> 3, IN64 = (base + 800) >> 3, OUT = base + 832;
const SLOT = 48;
// io.hpp's enumerations.
const T_UUID = 0, T_CREATED = 1, T_EXPIRES = 2, T_TODAY = 3, T_DAY = 4, T_DAY2 = 5, T_UUID2 = 6;
const I_TYPE = 0, I_AUTO = 1, I_MONTH_END = 2, I_TERM = 3, I_BEFORE = 4, I_AFTER = 5, I_HAS_PRICES = 6,
  I_HAS_BALANCE = 7, I_RTYPE = 8, I_RAUTO = 9, I_OP = 10, I_ERROR = 11, I_LAYOUT = 12, I_DETAIL = 13,
  I_DIGITS = 14, I_FOUND = 15, I_RAW = 16, I_ENTRY_TYPES = 20, I_ENTRY_COUNT = 26,
  I_BUNDLE_SLOT = 27, I_KEEP_IN = 28, I_OUT_SERIAL = 29, I_IN_SERIAL = 30;
const N_BALANCE = 5, N_AMOUNT = 6;
const O_TYPE = 0, O_AUTO = 1, O_SAME_UUID = 2, O_LEN = 3, O_A = 4, O_B = 5;

const range = (n, f) => Array.from({ length: n }, (_, i) => f(i));
const ERROR_NAMES = [null, ...range(wasm.counts(0), (i) => wasm.error_name(i + 1))];
const ERROR_CODES = new Map(ERROR_NAMES.map((n, i) => [n, i]));
const ERROR_STATUS = ERROR_NAMES.map((n, i) => (i === 0 ? 0 : wasm.error_status(i)));
const OPERATIONS = range(wasm.counts(1), (i) => wasm.operation_name(i));
const SUCCESS_STATUS = OPERATIONS.map((_, i) => wasm.success_status(i));
const STATES = range(4, (i) => wasm.state_name(i));
const SWEEP_ACTIONS = range(3, (i) => wasm.sweep_action_name(i));
const FEATURES = range(wasm.counts(2), (i) => wasm.feature_name(i));
const JSON_KINDS = range(9, (i) => wasm.json_kind_name(i));
const MONTH_ENDS = ['clamp', 'overflow'];  // voip::MonthEnd's enumerators, in order
const LABELS = [null, ...range(wasm.counts(4), (i) => wasm.label(i + 1))];

/** A rule's refusal: `error` is the library's error name, `status` its HTTP status. */
export class RuleError extends Error {
  constructor(error, options) {
    if (!ERROR_CODES.has(error) || error === null) throw new TypeError(`RuleError: no error is named ${describe(error)}`);
    super(error, options);
    this.name = 'RuleError';
    this.error = error;
    this.status = ERROR_STATUS[ERROR_CODES.get(error)];
  }
}

function describe(v) {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '...' : v);
  if (typeof v === 'object') return v.constructor ? `a ${v.constructor.name}` : 'an object';
  return `${typeof v} ${String(v)}`;
}
function check(code) {
  if (code !== 0) throw new RuleError(ERROR_NAMES[code]);
}

// Arguments into the Io block.
function putText(slot, s) {
  const p = TEXT + slot * SLOT;
  const n = s.length < SLOT ? s.length : SLOT;  // longer: cut, and still refused
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    H8[p + i] = c < 128 ? c : 0;  // a character outside ASCII: a byte the parsers refuse
  }
  H32[LEN + slot] = n;
  if (slot === T_UUID) H32[INTS + I_BUNDLE_SLOT] = 0;  // the bundle slots hold texts again, not a kept bundle
}
const pad = (v, n) => String(v).padStart(n, '0');
// `what` names the argument, `member` (if any) its member: the label is only built for an error.
const named = (what, member) => (member === undefined ? what : `${what}.${member}`);
function dayText(d, what, member) {
  if (typeof d === 'string') return d;
  if (d instanceof Date) {
    if (Number.isNaN(d.getTime())) throw new TypeError(`${named(what, member)}: an invalid Date`);
    const y = d.getUTCFullYear();
    if (y < 1 || y > 9999) throw new RangeError(`${named(what, member)}: a Date outside 0001-01-01..9999-12-31`);
    return `${pad(y, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
  }
  throw new TypeError(`${named(what, member)}: a 'YYYY-MM-DD' string or a Date, not ${describe(d)}`);
}
function putDay(slot, d, what, member) {
  const s = dayText(d, what, member);
  putText(slot, s);
  return s;
}
function string(v, what, member) {
  if (typeof v !== 'string') throw new TypeError(`${named(what, member)}: a string, not ${describe(v)}`);
  return v;
}
function flag(v, what, member) {
  if (typeof v !== 'boolean') throw new TypeError(`${named(what, member)}: a boolean, not ${describe(v)}`);
  return v ? 1 : 0;
}
function integer(v, what, member) {  // an int32 for counts and codes; beyond it, a value every check refuses
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`${named(what, member)}: an integer, not ${describe(v)}`);
  return v >= -0x80000000 && v <= 0x7fffffff ? v : -1;
}
function typeCode(v, what, member) {  // any integer: the rules answer bundle_type_out_of_range outside 1..5
  const c = integer(v, what, member);
  return c >= 0 && c <= 255 ? c : 0;
}
/** Money: integer minor units, exactly representable (a safe integer). */
function minor(v, what, member) {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`${named(what, member)}: an integer number of minor units, not ${describe(v)}`);
  if (!Number.isSafeInteger(v)) throw new RangeError(`${named(what, member)}: ${v} is not a safe integer`);
  return v;
}
function object(v, what) {
  if (v === null || typeof v !== 'object') throw new TypeError(`${what}: an object, not ${describe(v)}`);
  return v;
}
function enumIndex(names, v, what) {
  const i = names.indexOf(string(v, what));
  if (i < 0) throw new TypeError(`${what}: one of ${names.join(', ')}, not ${describe(v)}`);
  return i;
}

// Results out of the Io block.
const date10 = (p) => String.fromCharCode(H8[p], H8[p + 1], H8[p + 2], H8[p + 3], H8[p + 4], H8[p + 5], H8[p + 6], H8[p + 7], H8[p + 8], H8[p + 9]);
const ascii = new TextDecoder();
const text_ = (p, n) => ascii.decode(H8.subarray(p, p + n));
const outText = () => text_(OUT, H32[OUTI + O_LEN]);
const outDay = (at = 0) => date10(OUT + at);
