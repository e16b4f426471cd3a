// The rules through the package: the values of docs/api.md's examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { vb, U, PRICES } from './load.mjs';

const bundle = vb.makeBundle(U, '2018-08-01', '2018-09-01', 1, true);
const overflow = vb.makeRenewalPolicy('overflow');

test('terms: month ends in both modes, leap days, the range', () => {
  assert.equal(vb.firstExpiry('2018-01-31'), '2018-02-28');
  assert.equal(vb.firstExpiry('2020-01-31'), '2020-02-29');
  assert.equal(vb.firstExpiry('2018-01-31', overflow), '2018-03-03');
  assert.equal(vb.addTerm({ from: '2018-02-28', anchor: '2018-01-31', policy: vb.makeRenewalPolicy() }), '2018-03-31');
  assert.equal(vb.addTerm({ from: '2018-02-28', anchor: '2018-01-31', policy: overflow }), '2018-03-28');
  assert.throws(() => vb.firstExpiry('9999-12-15'), { error: 'date_out_of_range', status: 400 });
  assert.equal(vb.nextExpiry(bundle), '2018-10-01');
  assert.equal(vb.termStart(bundle), '2018-08-01');
  assert.equal(vb.termStart({ createdOn: '2018-01-31', termEnd: '2018-03-31' }), '2018-02-28');
});

test('the renewal window, its edges and canRenew', () => {
  assert.deepEqual(vb.renewalWindow('2018-09-01'), { first: '2018-08-29', last: '2018-09-06' });
  assert.deepEqual(vb.renewalWindow(bundle, vb.makeContext('2018-01-01')), { first: '2018-08-29', last: '2018-09-06' });
  assert.deepEqual(vb.renewalWindow(bundle, vb.makeRenewalPolicy('clamp', 1, 0, 0)), { first: '2018-09-01', last: '2018-09-01' });
  assert.equal(vb.canRenew(bundle, '2018-08-29'), true);
  assert.equal(vb.canRenew(bundle, vb.makeContext('2018-09-06')), true);
  assert.throws(() => vb.canRenew(bundle, '2018-08-28'), { error: 'outside_renewal_window' });
  assert.throws(() => vb.canRenew(bundle, vb.makeContext('2018-09-07')), { error: 'outside_renewal_window' });
});

test('states partition the days; operations and sweep actions follow', () => {
  const days = { '2018-08-28': 'active', '2018-08-29': 'renewal_open', '2018-09-01': 'grace', '2018-09-06': 'grace', '2018-09-07': 'lapsed' };
  for (const [day, state] of Object.entries(days)) {
    assert.equal(vb.stateOn(bundle, day), state);
    assert.equal(vb.stateOn(bundle, vb.makeContext(day)), state);
    assert.equal(vb.stateOn({ expiresOn: '2018-09-01', day, policy: vb.makeRenewalPolicy() }), state);
  }
  assert.equal(vb.inService('renewal_open'), true);
  assert.equal(vb.renewable('active'), false);
  assert.deepEqual(vb.allowedOperations('active'), ['update']);
  assert.throws(() => vb.inService('sleeping'), TypeError);
  assert.equal(vb.sweepAction(bundle, '2018-09-01'), 'renew');
  assert.equal(vb.sweepAction(bundle, vb.makeContext('2018-09-07')), 'lapsed');
  assert.equal(vb.sweepAction({ expiresOn: '2018-09-01', autoRenew: false, day: '2018-09-01' }), 'none');
  for (const call of [() => vb.stateOn('2018-09-01', '2018-09-07'), () => vb.sweepAction('2018-09-01', true, '2018-09-07'),
    () => vb.addTerm('2018-09-07', '2018-09-01'), () => vb.termStart('2018-09-01', '2018-09-07'), () => vb.stateOn({ day: '2018-09-07' })])
    assert.throws(call, TypeError, 'two days side by side are named');
  const seen = [];
  const totals = vb.sweep([bundle, vb.withType(bundle, 1, false)], '2018-09-02', undefined, (b, a) => seen.push([b.autoRenew, a]));
  assert.deepEqual(totals, { none: 1, renew: 1, lapsed: 0 });
  assert.deepEqual(seen, [[true, 'renew']]);
});

test('create, update, renew and their quotes', () => {
  const ctx = vb.makeContext('2018-08-30', undefined, PRICES, 1000);
  const q = vb.quoteRenew(bundle, ctx);
  assert.deepEqual(q, { bundle: { ...bundle, expiresOn: '2018-10-01' }, charge: 1500 });
  assert.ok(Object.isFrozen(q) && Object.isFrozen(q.bundle));
  assert.throws(() => vb.renew(bundle, ctx), { name: 'RuleError', error: 'insufficient_funds', status: 402 });
  assert.throws(() => vb.quoteRenew(bundle, vb.withToday(ctx, '2018-08-01')), { error: 'outside_renewal_window' });
  const created = vb.create(vb.makeRequest(2, true), U.toUpperCase(), vb.makeContext('2018-08-01', undefined, PRICES, 900));
  assert.deepEqual(created, { bundle: { uuid: U, createdOn: '2018-08-01', expiresOn: '2018-09-01', bundleType: 2, autoRenew: true }, charge: 900 });
  assert.throws(() => vb.create(vb.makeRequest(1), U, vb.makeContext('2018-08-01', undefined, PRICES, 900)), { error: 'insufficient_funds_on_create', status: 400 });
  const up = vb.quoteUpdate(vb.withType(bundle, 2, true), vb.makeRequest(1, true), vb.makeContext('2018-08-16', undefined, PRICES));
  assert.equal(up.bundle.bundleType, 1);
  assert.ok(up.charge > 0 && up.charge < 600);
  assert.equal(vb.upgradeCharge(vb.withType(bundle, 2, true), 1, vb.makeContext('2018-08-16', undefined, PRICES)), up.charge);
  assert.throws(() => vb.update(bundle, vb.makeRequest(2), vb.makeContext('2018-09-01')), { error: 'not_in_service', status: 402 });
  assert.equal(vb.affordable(1500, ctx), false);
  assert.equal(vb.affordable(0, ctx), true);
});

test('the handlers look the bundle up first', () => {
  const ctx = vb.makeContext('2018-08-30');
  const find = (u) => (u === U ? bundle : null);
  assert.equal(vb.handleRenew(U.toUpperCase(), find, ctx).bundle.expiresOn, '2018-10-01');
  assert.throws(() => vb.handleRenew('11111111-2222-3333-4444-555555555555', find, ctx), { error: 'unknown_bundle', status: 404 });
  assert.equal(vb.handleUpdate(U, vb.makeRequest(3), find, ctx).bundle.bundleType, 3);
  assert.throws(() => vb.handleRenew('nope', find, ctx), { error: 'malformed_uuid' });
});

test('features', () => {
  assert.deepEqual(vb.featuresOn(bundle, '2018-09-01'), []);
  assert.ok(vb.featuresOn(bundle, vb.makeContext('2018-08-15')).includes('sip_accounts'));
  assert.deepEqual(vb.defaultFeatureTable()[1].length > 0, true);
  assert.equal(vb.canCreateSipAccount(bundle, '2018-08-15'), true);
  assert.throws(() => vb.canCreateNumber(null, '2018-08-15'), { error: 'unknown_bundle' });
  assert.throws(() => vb.checkFeature(bundle, 'audio', '2018-09-02'), { error: 'not_in_service' });
  assert.throws(() => vb.checkFeature(vb.withType(bundle, 3, true), 'sip_accounts', '2018-08-15'), { error: 'feature_not_in_type' });
});
