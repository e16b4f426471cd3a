// SPDX-License-Identifier: MIT
// The Chromium runner of the conformance vectors: the npm package as a browser loads it.
// Serves build/wasm/npm/voip-bundle.mjs (or $VOIP_BUNDLE_JS), answer.mjs and the vectors on
// 127.0.0.1 to Debian's headless chromium, driven by the puppeteer-core that
// scripts/js-browser-test.sh installs into build/wasm/browser-test ($PUPPETEER_DIR); the
// page answers every vector with answer.mjs, as run_node.mjs does in Node.
//
//     node conformance/run_chromium.mjs [conformance/vectors.json]
//
// Prints the first failures and `chromium: N passed, M failed (...)`; exit 1 on a failure or
// when the package, puppeteer-core or chromium is missing.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { summary } from './answer.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = process.env.VOIP_BUNDLE_JS ?? `${root}build/wasm/npm/voip-bundle.mjs`;
const puppeteerDir = process.env.PUPPETEER_DIR ?? `${root}build/wasm/browser-test`;
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const file = process.argv[2] ?? `${root}conformance/vectors.json`;
const missing = [[pkg, 'cmake --workflow --preset wasm'], [`${puppeteerDir}/node_modules/puppeteer-core/package.json`,
  'scripts/js-browser-test.sh installs it'], [chromium, 'scripts/deps.sh']].find(([f]) => !existsSync(f));
if (missing) {
  console.log(`chromium: not run (no ${missing[0]}: ${missing[1]})`);
  process.exit(1);
}
const puppeteer = createRequire(`${puppeteerDir}/package.json`)('puppeteer-core');

const page = `<!doctype html><meta charset="utf-8"><title>voip-bundle conformance</title>
<script type="module">
  import * as vb from '/voip-bundle.mjs';
  import { run, vectorsOf } from '/answer.mjs';
  try {
    window.result = run(vb, vectorsOf(await (await fetch('/vectors.json')).json()));
  } catch (e) {
    window.result = { error: String(e) };
  }
</script>`;
const js = 'text/javascript';
const files = { '/voip-bundle.mjs': [pkg, js], '/answer.mjs': [`${root}conformance/answer.mjs`, js], '/vectors.json': [file, 'application/json'] };
const server = createServer((req, res) => {
  if (req.url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  const f = files[req.url];
  if (!f) return res.writeHead(404).end();
  return res.writeHead(200, { 'content-type': f[1] }).end(readFileSync(f[0]));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await puppeteer.launch({ executablePath: chromium, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
let result;
try {
  const tab = await browser.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction('window.result !== undefined', { timeout: 60000 }).catch(() => {
    result = { error: `the page did not finish: ${errors.join('; ')}` };
  });
  result ??= await tab.evaluate(() => window.result);
} finally {
  await browser.close();
  server.close();
}
if (result.error) {
  console.log(`chromium: not run (${result.error})`);
  process.exit(1);
}
for (const line of result.shown) console.log(line);
console.log(summary('chromium', result));
process.exit(result.failed === 0 && result.passed > 0 ? 0 : 1);
