// Envelopes, byte for byte, and the strict JSON decoders' errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { vb, U, PRICES } from './load.mjs';

const bundle = vb.makeBundle(U, '2018-08-01', '2018-09-01', 1, true);

test("the README's example prints what it says", () => {
  const ctx = vb.makeContext('2018-08-30', vb.makeRenewalPolicy(), vb.makePriceList(PRICES), 1000);
  const quote = vb.quoteRenew(bundle, ctx);
  assert.equal(`${vb.toDecimalString(quote.charge)} -> ${quote.bundle.expiresOn}`, '15.00 -> 2018-10-01');
  let text;
  try {
    vb.renew(bundle, ctx);
  } catch (e) {
    text = vb.toString(vb.makeEnvelope('renew', e), { detail: true });
  }
  assert.equal(text, '{"result":{},"status_code":402,"status_message":"Payment Required","error":"insufficient_funds"}');
});

test('envelopes: statuses, layouts, detail', () => {
  const ok = vb.makeEnvelope('renew', vb.renew(bundle, vb.makeContext('2018-08-30')));
  assert.deepEqual(ok, { status: 200, bundle: { ...bundle, expiresOn: '2018-10-01' }, error: null });
  assert.equal(vb.toString(ok), `{"result":{"auto_renew":true,"bundle_type":1,"expires_on":"2018-10-01","uuid":"${U}"},"status_code":200,"status_message":"OK"}`);
  assert.equal(vb.successEnvelope('create', bundle).status, 201);
  assert.equal(vb.toString(vb.errorEnvelope('unknown_bundle')), '{"result":{},"status_code":404,"status_message":"Not Found"}');
  assert.equal(vb.toString(vb.errorEnvelope('unknown_bundle'), { layout: 'pretty', detail: true }),
    '{\n    "result" : {},\n    "status_code" : 404,\n    "status_message" : "Not Found",\n    "error" : "unknown_bundle"\n}');
  assert.deepEqual(vb.makeEnvelope('update', new vb.RuleError('not_in_service')), { status: 402, bundle: null, error: 'not_in_service' });
  assert.throws(() => vb.makeEnvelope('renew', 42), TypeError);
  assert.throws(() => vb.toString(ok, { layout: 'wide' }), TypeError);
  assert.throws(() => vb.toString({ status: 299, bundle, error: null }), TypeError);
  assert.throws(() => vb.toString({ status: 200, bundle: { ...bundle, bundleType: 7 }, error: null }), { error: 'bundle_type_out_of_range' });
});

test('the strict request decoder', () => {
  assert.deepEqual(vb.parseRequest('{"bundle_type": 2, "auto_renew": true}'), { bundleType: 2, autoRenew: true });
  assert.deepEqual(vb.parseCreate(new TextEncoder().encode('{"bundle_type": 5}')), { bundleType: 5, autoRenew: false });
  const cases = {
    '{"auto_renew": true}': 'bundle_type_missing',
    '{"bundle_type": "1"}': 'bundle_type_not_integer',
    '{"bundle_type": 1.0}': 'bundle_type_not_integral',
    '{"bundle_type": 99999999999999999999}': 'bundle_type_out_of_range',
    '{"bundle_type": 6, "auto_renew": 1}': 'bundle_type_out_of_range',
    '{"bundle_type": 1, "auto_renew": null}': 'auto_renew_null',
    '{"bundle_type": 1, "bundle_type": 1}': 'duplicate_member',
    '{"bundle_type": 1, "x": [}}': 'invalid_json',
    '[{"bundle_type": 1}]': 'body_not_object',
    [`{"x": ${'['.repeat(40)}${']'.repeat(40)}}`]: 'nesting_too_deep',
    [`{"x": "${'a'.repeat(17000)}"}`]: 'body_too_large',
  };
  for (const [body, error] of Object.entries(cases)) assert.throws(() => vb.parseRequest(body), { error, status: 400 }, body);
  assert.throws(() => vb.parseRequest(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])), { error: 'invalid_utf8' });
  assert.throws(() => vb.parseRequest(42), TypeError);
  const raw = vb.decodeRequest('{"bundle_type": 1.5, "auto_renew": 12345678901234567}');
  assert.deepEqual(raw, { autoRenew: { kind: 'integer', boolean: false, integer: 12345678901234567n }, bundleType: { kind: 'number', boolean: false, integer: 0 } });
  assert.throws(() => vb.validate(raw), { error: 'bundle_type_not_integral' });
  assert.deepEqual(vb.validate({ autoRenew: { kind: 'absent' }, bundleType: { kind: 'integer', integer: 3 } }), { bundleType: 3, autoRenew: false });
  assert.equal(vb.checkJsonObject('{"anything": [1, 2, {"a": null}]}'), true);
  assert.deepEqual(vb.parseUpdate(U.toUpperCase(), '{"bundle_type": 1}'), { uuid: U, request: { bundleType: 1, autoRenew: false } });
  assert.throws(() => vb.parseUpdate('bad', '{bad'), { error: 'malformed_uuid' });
  assert.equal(vb.parseRenew(U.toUpperCase()), U);
});

test('bundle lines and price lists', () => {
  const line = vb.encodeBundle(bundle);
  assert.equal(line, `{"auto_renew":true,"bundle_type":1,"expires_on":"2018-09-01","uuid":"${U}","created_on":"2018-08-01"}`);
  assert.deepEqual(vb.decodeBundle(line), bundle);
  assert.throws(() => vb.decodeBundle(line.replace('2018-09-01', '2018-02-30')), { error: 'malformed_date' });
  assert.deepEqual(vb.decodePrices('{"5": 300, "4": 2000, "3": 500, "2": 900, "1": 1500}'), PRICES);
  assert.throws(() => vb.decodePrices('{"1": 15.00, "2": 900, "3": 500, "4": 2000, "5": 300}'), { error: 'invalid_policy' });
});
