// quoteRenew + envelope text: the npm package (the C++ rules in wasm) against the careful
// pure-JavaScript implementation of pure_renew.mjs, in Node. First checks that both write
// identical envelopes on every case, then times each (best of several rounds) and prints the
// ratio, and the package's gzip size. Usage (after cmake --workflow --preset wasm):
//   node benchmarks/js/bench_quote.mjs [--json]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as pure from './pure_renew.mjs';

const pkg = process.env.VOIP_BUNDLE_JS ?? new URL('../../build/wasm/npm/voip-bundle.mjs', import.meta.url).pathname;
const vb = await import(pathToFileURL(pkg).href);
const U = '0fba8c48-99fc-4727-8ca7-c847376da415';
const PRICES = vb.makePriceList({ 1: 1500, 2: 900, 3: 500, 4: 2000, 5: 300 });

function viaPackage(b, c) {
  try {
    return vb.toString(vb.makeEnvelope('renew', vb.quoteRenew(b, c)));
  } catch (e) {
    if (e instanceof vb.RuleError) return vb.toString(vb.makeEnvelope('renew', e));
    throw e;
  }
}

// Both month-end modes, terms of 1..12 months, every day around the window, month ends,
// leap days, years at both ends of the range.
function cases() {
  const out = [];
  const starts = ['2018-01-31', '2019-12-31', '2020-02-29', '2023-08-30', '0001-01-31', '0099-11-30', '9998-10-31', '1900-02-28', '2000-01-29'];
  for (const monthEnd of ['clamp', 'overflow']) {
    for (const term of [1, 2, 3, 6, 11, 12]) {
      const policy = vb.makeRenewalPolicy(monthEnd, term, 3, 5);
      for (const start of starts) {
        let expires;
        try {
          expires = vb.firstExpiry(start, policy);
        } catch {
          continue;
        }
        const b = vb.makeBundle(U, start, expires, 1 + (out.length % 5), out.length % 2 === 0);
        const e = Date.parse(expires + 'T00:00:00Z');
        for (let d = -6; d <= 8; d++) {
          const today = new Date(e + d * 86400000);
          if (today.getUTCFullYear() > 9999) continue;
          out.push([b, vb.makeContext(today, policy, PRICES)]);
        }
      }
    }
  }
  return out;
}

function round(f, work) {  // ns per call
  const t = performance.now();
  let n = 0;
  for (let i = 0; i < 40; i++) for (const [b, c] of work) n += f(b, c).length;
  if (n === 0) throw new Error('nothing written');
  return ((performance.now() - t) * 1e6) / (40 * work.length);
}
// Rounds alternate between the two, so a change of load on a shared machine hits both; best of each.
function time(fs, work, rounds = 9) {
  const best = fs.map(() => Infinity);
  for (let r = 0; r < rounds; r++) fs.forEach((f, i) => (best[i] = Math.min(best[i], round(f, work))));
  return best;
}

const all = cases();
for (const [b, c] of all) {
  const a = viaPackage(b, c);
  const p = pure.quoteAndAnswer(b, c);
  if (a !== p) throw new Error(`disagree on ${JSON.stringify([b, c])}:\n  package ${a}\n  pure    ${p}`);
}
const inside = all.filter(([b, c]) => vb.stateOn(b, c) === 'renewal_open' || vb.stateOn(b, c) === 'grace');
time([viaPackage, pure.quoteAndAnswer], inside, 2);  // warm both up
const [wasmNs, pureNs] = time([viaPackage, pure.quoteAndAnswer], inside);
const gzip = gzipSync(readFileSync(pkg), { level: 9 }).length;
const result = { cases: all.length, timed: inside.length, package_ns: +wasmNs.toFixed(1), pure_js_ns: +pureNs.toFixed(1),
  ratio: +(pureNs / wasmNs).toFixed(2), package_bytes: readFileSync(pkg).length, package_gzip_bytes: gzip, node: process.version };
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else {
  console.log(`agreement: ${all.length} cases, identical envelopes`);
  console.log(`quoteRenew + envelope text, per call (${inside.length} renewable cases):`);
  console.log(`  voip-bundle (wasm) ${wasmNs.toFixed(1)} ns, pure JS ${pureNs.toFixed(1)} ns: ratio ${(pureNs / wasmNs).toFixed(2)}x`);
  console.log(`package: ${result.package_bytes} bytes, ${(gzip / 1024).toFixed(1)} KiB gzip -9`);
}
