// Values: made by the library's factories, frozen plain objects, bad input refused by type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { vb, U, PRICES } from './load.mjs';

test('makeBundle gives a frozen plain object with canonical text', () => {
  const b = vb.makeBundle(U.toUpperCase(), '2018-08-01', new Date(Date.UTC(2018, 8, 1)), vb.BundleType.business, true);
  assert.deepEqual(b, { uuid: U, createdOn: '2018-08-01', expiresOn: '2018-09-01', bundleType: 1, autoRenew: true });
  assert.ok(Object.isFrozen(b));
  assert.equal(Object.getPrototypeOf(b), Object.prototype);
  assert.equal(JSON.stringify(b), `{"uuid":"${U}","createdOn":"2018-08-01","expiresOn":"2018-09-01","bundleType":1,"autoRenew":true}`);
});

test('makeBundle refuses with the library errors, in its order', () => {
  const err = (error) => (e) => e instanceof vb.RuleError && e.error === error && e.status === 400 && e instanceof Error;
  assert.throws(() => vb.makeBundle(U, '2018-08-01', '2018-09-01', 6, true), err('bundle_type_out_of_range'));
  assert.throws(() => vb.makeBundle(U, '2018-08-01', '2018-09-01', 1000, true), err('bundle_type_out_of_range'));
  assert.throws(() => vb.makeBundle('0fba8c48', '2018-08-01', '2018-09-01', 1, true), err('malformed_uuid'));
  assert.throws(() => vb.makeBundle(U, '2018-02-30', '2018-09-01', 1, true), err('malformed_date'));
  assert.throws(() => vb.makeBundle(U, '2018-09-01', '2018-09-01', 1, true), err('invalid_bundle'));
  assert.throws(() => vb.makeBundle(U + 'x'.repeat(100), '2018-08-01', '2018-09-01', 1, true), err('malformed_uuid'));
  assert.throws(() => vb.makeBundle(U.replace('0', '\u00e9'), '2018-08-01', '2018-09-01', 1, true), err('malformed_uuid'));
});

test('bad JavaScript input is a TypeError or RangeError, never a RuleError', () => {
  assert.throws(() => vb.makeBundle(U, 20180801, '2018-09-01', 1, true), TypeError);
  assert.throws(() => vb.makeBundle(U, '2018-08-01', '2018-09-01', 1.5, true), TypeError);
  assert.throws(() => vb.makeBundle(U, '2018-08-01', '2018-09-01', 1, 1), TypeError);
  assert.throws(() => vb.makeBundle(null, '2018-08-01', '2018-09-01', 1, true), TypeError);
  assert.throws(() => vb.makeBundle(U, new Date(NaN), '2018-09-01', 1, true), TypeError);
  assert.throws(() => vb.makeBundle(U, new Date(Date.UTC(10000, 0, 1)), '2018-09-01', 1, true), RangeError);
  assert.throws(() => vb.makeContext('2018-08-30', undefined, null, 10.5), TypeError);
  assert.throws(() => vb.makeContext('2018-08-30', undefined, null, 2 ** 53), RangeError);
  assert.throws(() => vb.makeContext('2018-08-30', undefined, null, 10n), TypeError);
  assert.throws(() => vb.makePriceList({ ...PRICES, 1: Number.NaN }), TypeError);
  assert.throws(() => vb.toDecimalString(Number.MAX_SAFE_INTEGER + 1), RangeError);
  assert.throws(() => vb.quoteRenew('a bundle', vb.makeContext('2018-08-30')), TypeError);
  assert.throws(() => vb.stateOn({ expiresOn: '2018-09-01', day: '2018-09-01', policy: { monthEnd: 0 } }), TypeError);
});

test('withType and renewedUntil', () => {
  const b = vb.makeBundle(U, '2018-08-01', '2018-09-01', 1, true);
  assert.deepEqual(vb.withType(b, 3, false), { ...b, bundleType: 3, autoRenew: false });
  assert.throws(() => vb.withType(b, 0, false), { error: 'bundle_type_out_of_range' });
  assert.equal(vb.renewedUntil(b, '2018-10-01').expiresOn, '2018-10-01');
  assert.throws(() => vb.renewedUntil(b, '2018-08-01'), { error: 'invalid_bundle' });
});

test('policies, price lists, contexts and requests', () => {
  assert.deepEqual(vb.makeRenewalPolicy(), { monthEnd: 'clamp', termMonths: 1, renewDaysBefore: 3, renewDaysAfter: 5 });
  assert.deepEqual(vb.makeRenewalPolicy('overflow', 12, 10, 20).termMonths, 12);
  for (const bad of [['clamp', 0], ['clamp', 13], ['clamp', 1, 20, 8], ['clamp', 1, -1], ['sideways']])
    assert.throws(() => vb.makeRenewalPolicy(...bad), { error: 'invalid_policy', status: 400 });
  assert.deepEqual(vb.makePriceList(PRICES), PRICES);
  assert.deepEqual(vb.makePriceList(new Map(Object.entries(PRICES).map(([k, v]) => [Number(k), v]))), PRICES);
  assert.throws(() => vb.makePriceList({ 1: 1, 2: 2, 3: 3, 4: 4 }), { error: 'invalid_policy' });
  assert.throws(() => vb.makePriceList({ ...PRICES, 6: 0 }), { error: 'invalid_policy' });
  assert.throws(() => vb.makePriceList({ ...PRICES, 1: -1 }), { error: 'invalid_policy' });
  const c = vb.makeContext(new Date(Date.UTC(2018, 7, 30)), undefined, PRICES, -5);
  assert.deepEqual(c, { today: '2018-08-30', policy: vb.makeRenewalPolicy(), prices: PRICES, balance: -5 });
  assert.ok(Object.isFrozen(c) && Object.isFrozen(c.policy) && Object.isFrozen(c.prices));
  assert.throws(() => vb.makeContext('2018-08-30', undefined, null, vb.maxAmount + 1), { error: 'amount_out_of_range' });
  assert.throws(() => vb.makeContext('0000-12-31'), { error: 'malformed_date' });
  assert.equal(vb.withToday(c, '2018-09-01').today, '2018-09-01');
  assert.equal(vb.withBalance(c, null).balance, null);
  assert.equal(vb.withPolicy(c, vb.makeRenewalPolicy('overflow')).policy.monthEnd, 'overflow');
  assert.deepEqual(vb.makeRequest(2), { bundleType: 2, autoRenew: false });
  assert.throws(() => vb.makeRequest(9), { error: 'bundle_type_out_of_range' });
});

test('uuids, dates, codes, labels, statuses, money', () => {
  assert.equal(vb.parseUuid(U.toUpperCase()), U);
  assert.throws(() => vb.parseUuid('{' + U + '}'), { error: 'malformed_uuid' });
  assert.equal(vb.parseIsoDate('2024-02-29'), '2024-02-29');
  assert.throws(() => vb.parseIsoDate('2023-02-29'), { error: 'malformed_date' });
  assert.equal(vb.toIsoString(new Date('2018-08-30T23:59:59Z')), '2018-08-30');
  assert.equal(vb.label(4), 'Trunk Only');
  assert.equal(vb.bundleTypeFromCode(5), 5);
  assert.equal(vb.status('insufficient_funds'), 402);
  assert.equal(vb.status('unknown_bundle'), 404);
  assert.equal(vb.statusMessage(402), 'Payment Required');
  assert.equal(vb.errorNames.length, 28);
  assert.equal(vb.toDecimalString(1500), '15.00');
  assert.equal(vb.toDecimalString(-5), '-0.05');
  assert.equal(vb.toDecimalString(1234, 0), '1234');
  assert.throws(() => vb.toDecimalString(1, 19), { error: 'invalid_policy' });
  assert.equal(vb.minDay, '0001-01-01');
  assert.equal(vb.maxDay, '9999-12-31');
  assert.equal(vb.maxAmount, 1e15);
  assert.match(vb.version, /^\d+\.\d+\.\d+$/);
  assert.throws(() => new vb.RuleError('no_such_error'), TypeError);
  const e = new vb.RuleError('not_in_service');
  assert.equal(e.status, 402);
  assert.equal(e.name, 'RuleError');
  assert.equal(e.message, 'not_in_service');
});
