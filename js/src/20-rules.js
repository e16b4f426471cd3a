// SPDX-License-Identifier: MIT
// Terms, the renewal window, states and sweep actions (term.hpp, renewal_window.hpp,
// state.hpp, sweep.hpp). Overloads are told apart by their arguments: a context is an
// object with `today`; a day is a string or a Date; a bundle is an object with `uuid`.

const isContext = (v) => v !== null && typeof v === 'object' && !(v instanceof Date) && 'today' in v;
const isBundle = (v) => v !== null && typeof v === 'object' && !(v instanceof Date) && 'uuid' in v;
// The forms with two days side by side take one object of named days, as the C++ forms take
// ExpiresOn and CreatedOn: positional days could be swapped unseen.
function namedDays(v, fn, keys) {
  if (v === null || typeof v !== 'object' || v instanceof Date || !keys.every((k) => k === 'policy' || k in v))
    throw new TypeError(`${fn} takes {${keys.join(', ')}}: two days side by side are named`);
  return v;
}

/** add_term({from, anchor, policy}): one term after `from` (clamp: anchor's day of month, a month later when that is within before + after days of from; overflow: from's, rolling over). */
export function addTerm(args) {
  const { from, anchor, policy } = namedDays(args, 'addTerm', ['from', 'anchor', 'policy']);
  putDay(T_DAY, from, 'from');
  putDay(T_DAY2, anchor, 'anchor');
  putPolicy(policy);
  check(wasm.add_term());
  return outDay();
}
/** first_expiry: the expiry of a bundle created on `start`. */
export function firstExpiry(start, policy) {
  putDay(T_DAY, start, 'start');
  putPolicy(policy);
  check(wasm.first_expiry());
  return outDay();
}
/** next_expiry: the expiry after one renewal. */
export function nextExpiry(bundle, policy) {
  putBundle(bundle);
  putPolicy(policy);
  check(wasm.next_expiry());
  return outDay();
}
/** term_start({createdOn, termEnd, policy}) or term_start(bundle, policy). */
export function termStart(a, b) {
  if (isBundle(a)) {
    putBundle(a);
    putPolicy(b);
    check(wasm.term_start_bundle());
  } else {
    const { createdOn, termEnd, policy } = namedDays(a, 'termStart', ['createdOn', 'termEnd', 'policy']);
    putDay(T_DAY, createdOn, 'createdOn');
    putDay(T_DAY2, termEnd, 'termEnd');
    putPolicy(policy);
    check(wasm.term_start_days());
  }
  return outDay();
}

/** renewal_window(expiresOn | bundle, policy | context): {first, last}, both inclusive. */
export function renewalWindow(a, b) {
  if (isBundle(a)) {
    putBundle(a);
    if (isContext(b)) {
      putContext(b);
      check(wasm.renewal_window_context());
    } else {
      putPolicy(b);
      check(wasm.renewal_window_bundle());
    }
  } else {
    putDay(T_DAY, a, 'expiresOn');
    putPolicy(b);
    check(wasm.renewal_window_day());
  }
  return Object.freeze({ first: outDay(0), last: outDay(10) });
}
/** can_renew(bundle, context) or can_renew(bundle, day, policy): true, or RuleError outside_renewal_window. */
export function canRenew(bundle, a, b) {
  putBundle(bundle);
  if (isContext(a)) {
    putContext(a);
    check(wasm.can_renew_context());
  } else {
    putDay(T_DAY, a, 'day');
    putPolicy(b);
    check(wasm.can_renew_day());
  }
  return true;
}

// The three forms shared by state_on and sweep_action: (bundle, context), (bundle, day,
// policy), and a form on the expiry alone.
function onDay(bundle, a, b, fns) {
  if (isContext(a)) {
    putBundle(bundle);
    putContext(a);
    check(fns.context());
  } else {
    putBundle(bundle);
    putDay(T_DAY, a, 'day');
    putPolicy(b);
    check(fns.bundle());
  }
  return H32[OUTI + O_A];
}
/** state_on(bundle, context), state_on(bundle, day, policy) or state_on({expiresOn, day, policy}): 'active', 'renewal_open', 'grace' or 'lapsed'. */
export function stateOn(a, b, c) {
  if (isBundle(a)) return STATES[onDay(a, b, c, { context: wasm.state_on_context, bundle: wasm.state_on_bundle })];
  const { expiresOn, day, policy } = namedDays(a, 'stateOn', ['expiresOn', 'day', 'policy']);
  putDay(T_DAY2, expiresOn, 'expiresOn');
  putDay(T_DAY, day, 'day');
  putPolicy(policy);
  check(wasm.state_on_day());
  return STATES[H32[OUTI + O_A]];
}
/** sweep_action(bundle, context), (bundle, day, policy) or ({expiresOn, autoRenew, day, policy}): 'none', 'renew' or 'lapsed'. */
export function sweepAction(a, b, c) {
  if (isBundle(a)) return SWEEP_ACTIONS[onDay(a, b, c, { context: wasm.sweep_action_context, bundle: wasm.sweep_action_bundle })];
  const { expiresOn, autoRenew, day, policy } = namedDays(a, 'sweepAction', ['expiresOn', 'autoRenew', 'day', 'policy']);
  putDay(T_DAY2, expiresOn, 'expiresOn');
  H32[INTS + I_AUTO] = flag(autoRenew, 'autoRenew');
  putDay(T_DAY, day, 'day');
  putPolicy(policy);
  check(wasm.sweep_action_raw());
  return SWEEP_ACTIONS[H32[OUTI + O_A]];
}
/** sweep: calls onAction(bundle, action) for each bundle needing action, in order; returns {none, renew, lapsed}. */
export function sweep(bundles, day, policy, onAction) {
  const totals = { none: 0, renew: 0, lapsed: 0 };
  for (const b of bundles) {
    const action = sweepAction(b, day, policy);
    totals[action]++;
    if (action !== 'none' && onAction) onAction(b, action);
  }
  return Object.freeze(totals);
}

const stateIndex = (s) => enumIndex(STATES, s, 'state');
/** in_service: active or renewal_open. */
export const inService = (state) => wasm.in_service(stateIndex(state));
/** renewable: renewal_open or grace. */
export const renewable = (state) => wasm.renewable(stateIndex(state));
/** allowed_operations: what a caller can still do in that state, funds aside. */
export function allowedOperations(state) {
  const bits = wasm.allowed_operations(stateIndex(state));
  return Object.freeze(OPERATIONS.filter((_, i) => (bits & (1 << i)) !== 0));
}
