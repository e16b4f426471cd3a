// What the wasm keeps between calls (io.hpp: the last bundle put out, the last frozen bundle
// read from its texts, the last context and policy made) must never change an answer: each
// call below, in a long mixed sequence, is compared with the same call on unfrozen copies,
// which always cross as texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { vb, U, PRICES } from './load.mjs';

let seed = 12345;
const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
const pick = (xs) => xs[rand(xs.length)];
const copy = (v) => (v === null || typeof v !== 'object' ? v : { ...v });
const copyContext = (c) => ({ ...c, policy: { ...c.policy }, prices: c.prices && { ...c.prices } });
function outcome(f) {  // [the answer as text, the value]
  try {
    const v = f();
    return [JSON.stringify(v), v];
  } catch (e) {
    if (e instanceof vb.RuleError) return [`RuleError ${e.error}`, null];
    throw e;
  }
}
// Calls after which the wasm keeps nothing the next call could reuse: another bundle put out,
// another context and policy made.
function flush() {
  vb.makeBundle('2fba8c48-99fc-4727-8ca7-c847376da415', '2001-01-01', '2001-02-01', 5, false);
  vb.makeContext('1999-01-01', vb.makeRenewalPolicy('overflow', 12, 30, 30), null, 7);
}

const U2 = U.toUpperCase().replace('0FBA', '1FBA');
const policies = [vb.makeRenewalPolicy(), vb.makeRenewalPolicy('overflow', 3, 10, 20)];
const made = [
  vb.makeBundle(U, '2018-08-01', '2018-09-01', 1, true),
  vb.makeBundle(U2, '2020-01-31', '2020-02-29', 2, false),
  vb.decodeBundle('{"auto_renew":false,"bundle_type":3,"expires_on":"2021-05-31","uuid":"' + U + '","created_on":"2021-04-30"}'),
];
const bundles = [...made, Object.freeze({ ...made[1], uuid: U2 }), Object.freeze({ ...made[0], bundleType: 4 })];
const contexts = [vb.makeContext('2018-08-30'), vb.makeContext('2018-08-30', policies[0], null, 5)];
for (const b of made) {
  for (const days of [-12, -3, 0, 2, 6, 40]) {
    const today = new Date(Date.parse(`${b.expiresOn}T00:00:00Z`) + days * 86400000);
    contexts.push(vb.makeContext(today, pick(policies), vb.makePriceList(PRICES), pick([null, 0, 100000])));
  }
}

const ops = [
  (b, c) => vb.quoteRenew(b, c),
  (b, c) => vb.renew(b, c),
  (b, c) => vb.update(b, vb.makeRequest(1, true), c),
  (b, c) => vb.toString(vb.makeEnvelope('renew', vb.quoteRenew(b, c))),
  (b, c) => vb.stateOn(b, c),
  (b) => vb.encodeBundle(b),
  (b) => vb.withType(b, 5, true),
  (b, c) => vb.upgradeCharge(b, 1, c),
  (b, c) => vb.featuresOn(b, c),
  (b, c) => vb.handleRenew(b.uuid.toLowerCase(), () => b, c),
];

test('answers do not depend on what the wasm kept from earlier calls', () => {
  let out = null, b = made[0], c = contexts[0];
  for (let i = 0; i < 4000; i++) {
    const r = rand(4);  // the bundle the last call put out, the last one again, or another
    b = r === 0 && out !== null ? out : r === 1 ? b : pick(bundles);
    if (rand(2) === 0) c = pick(contexts);
    const op = pick(ops);
    const [got] = outcome(() => op(b, c));
    flush();
    const [want, value] = outcome(() => op(copy(b), copyContext(c)));
    assert.equal(got, want, `call ${i}: ${op} on ${JSON.stringify(b)} and ${JSON.stringify(c)}`);
    out = value?.bundle ?? (value?.uuid ? value : out);
  }
});
test('a frozen bundle whose uuid is not canonical still gives the canonical uuid', () => {
  const b = Object.freeze({ ...made[0], uuid: U.toUpperCase() });
  const ctx = contexts[0];
  for (let i = 0; i < 3; i++) assert.equal(vb.quoteRenew(b, ctx).bundle.uuid, U);
});

test('contexts that differ in one input alone give their own answers, made or by hand', () => {
  const b = made[0];  // expires 2018-09-01, business (15.00 a term)
  const prices = vb.makePriceList(PRICES);
  const none = vb.makeContext('2018-08-30', policies[0], prices, null);  // funds not checked
  const zero = vb.makeContext('2018-08-30', policies[0], prices, 0);
  const free = vb.makeContext('2018-08-30', policies[0], null, 0);  // no prices: nothing charged
  const grace = vb.makeContext('2018-09-03', policies[0], prices, null);
  const wide = vb.makeContext('2018-08-30', vb.makeRenewalPolicy('clamp', 1, 0, 5), prices, null);
  const forward = vb.withType(b, 5, true);  // priced last: two lists that differ there alone
  const dearer = vb.makeContext('2018-08-30', policies[0], vb.makePriceList({ ...PRICES, 5: 301 }), null);
  for (let i = 0; i < 3; i++) {
    for (const make of [(c) => c, copyContext]) {
      assert.equal(vb.renew(b, make(none)).charge, 1500);
      assert.throws(() => vb.renew(b, make(zero)), { error: 'insufficient_funds' });
      assert.equal(vb.renew(b, make(free)).charge, 0);
      assert.equal(vb.stateOn(b, make(none)), 'renewal_open');
      assert.equal(vb.stateOn(b, make(grace)), 'grace');
      assert.equal(vb.stateOn(b, make(wide)), 'active');
      assert.equal(vb.quoteRenew(forward, make(none)).charge, 300);
      assert.equal(vb.quoteRenew(forward, make(dearer)).charge, 301);
    }
  }
});

test('a bundle that is not frozen is read again on every call', () => {
  const b = { ...made[0] };
  const c = vb.makeContext('2018-08-30');
  assert.equal(vb.quoteRenew(b, c).bundle.expiresOn, '2018-10-01');
  b.createdOn = '2018-07-31';  // anchored on the 31st: renewed to 2018-09-30
  b.expiresOn = '2018-08-31';
  assert.equal(vb.quoteRenew(b, c).bundle.expiresOn, '2018-09-30');
  b.bundleType = 2;
  assert.equal(vb.quoteRenew(b, c).bundle.bundleType, 2);
});
