// Checks run inside Chromium by run.mjs (index.html imports the package and this file).
// Each is [name, function(vb)] and throws on failure; the page reports the count.
const U = '0fba8c48-99fc-4727-8ca7-c847376da415';
const PRICES = { 1: 1500, 2: 900, 3: 500, 4: 2000, 5: 300 };
function eq(actual, expected) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${a} !== ${e}`);
}
function throwsRule(f, error, status) {
  try {
    f();
  } catch (e) {
    if (e.name === 'RuleError' && e.error === error && e.status === status && e instanceof Error) return;
    throw new Error(`threw ${e.name} ${e.error ?? e.message}, not ${error}`);
  }
  throw new Error(`did not throw ${error}`);
}
function throwsType(f, type) {
  try {
    f();
  } catch (e) {
    if (e instanceof type) return;
    throw new Error(`threw ${e.name}, not ${type.name}`);
  }
  throw new Error(`did not throw ${type.name}`);
}

export const checks = [
  ['firstExpiry on month ends', (vb) => eq([vb.firstExpiry('2018-01-31'), vb.firstExpiry('2020-01-31', vb.makeRenewalPolicy('overflow'))], ['2018-02-28', '2020-03-02'])],
  ['a Date is its UTC day', (vb) => eq(vb.firstExpiry(new Date(Date.UTC(2024, 0, 31))), '2024-02-29')],
  ["the README's example", (vb) => {
    const b = vb.makeBundle(U, '2018-08-01', '2018-09-01', vb.BundleType.business, true);
    const ctx = vb.makeContext('2018-08-30', vb.makeRenewalPolicy(), vb.makePriceList(PRICES), 1000);
    const q = vb.quoteRenew(b, ctx);
    eq([vb.toDecimalString(q.charge), q.bundle.expiresOn], ['15.00', '2018-10-01']);
    try {
      vb.renew(b, ctx);
      throw new Error('renewed');
    } catch (e) {
      eq(vb.toString(vb.makeEnvelope('renew', e), { detail: true }), '{"result":{},"status_code":402,"status_message":"Payment Required","error":"insufficient_funds"}');
    }
  }],
  ['a success envelope byte for byte', (vb) => {
    const b = vb.makeBundle(U, '2018-08-01', '2018-09-01', 1, true);
    eq(vb.toString(vb.makeEnvelope('renew', vb.renew(b, vb.makeContext('2018-08-30')))),
      `{"result":{"auto_renew":true,"bundle_type":1,"expires_on":"2018-10-01","uuid":"${U}"},"status_code":200,"status_message":"OK"}`);
  }],
  ['values are frozen plain objects', (vb) => {
    const b = vb.makeBundle(U.toUpperCase(), '2018-08-01', '2018-09-01', 2, false);
    eq([Object.isFrozen(b), Object.getPrototypeOf(b) === Object.prototype, b.uuid], [true, true, U]);
  }],
  ['the window and the states', (vb) => {
    const b = vb.makeBundle(U, '2018-08-01', '2018-09-01', 1, true);
    eq(vb.renewalWindow(b, vb.makeContext('2018-08-01')), { first: '2018-08-29', last: '2018-09-06' });
    eq(['2018-08-28', '2018-08-29', '2018-09-01', '2018-09-07'].map((d) => vb.stateOn(b, d)), ['active', 'renewal_open', 'grace', 'lapsed']);
    throwsRule(() => vb.canRenew(b, '2018-09-07'), 'outside_renewal_window', 400);
  }],
  ['create and update', (vb) => {
    const d = vb.create(vb.makeRequest(2, true), U, vb.makeContext('2018-08-01', undefined, PRICES));
    eq([d.bundle.expiresOn, d.charge], ['2018-09-01', 900]);
    throwsRule(() => vb.update(d.bundle, vb.makeRequest(1), vb.makeContext('2018-09-02')), 'not_in_service', 402);
  }],
  ['the strict decoder', (vb) => {
    eq(vb.parseRequest('{"bundle_type": 2, "auto_renew": true}'), { bundleType: 2, autoRenew: true });
    throwsRule(() => vb.parseRequest('{"bundle_type": 1, "bundle_type": 1}'), 'duplicate_member', 400);
    throwsRule(() => vb.parseRequest('{"bundle_type": 1.0}'), 'bundle_type_not_integral', 400);
    throwsRule(() => vb.parseUpdate('bad', '{'), 'malformed_uuid', 400);
  }],
  ['bad input is TypeError or RangeError', (vb) => {
    throwsType(() => vb.firstExpiry(20180131), TypeError);
    throwsType(() => vb.makeContext('2018-08-30', undefined, null, 0.5), TypeError);
    throwsType(() => vb.makeContext('2018-08-30', undefined, null, 2 ** 60), RangeError);
  }],
];
