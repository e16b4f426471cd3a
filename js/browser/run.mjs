// The package in a real browser: Debian's chromium, headless, driven by puppeteer-core
// (installed by scripts/js-browser-test.sh into build/wasm/browser-test). Serves
// build/wasm/npm/voip-bundle.mjs and this folder over HTTP on 127.0.0.1 and loads index.html.
// Usage: node js/browser/run.mjs   (VOIP_BUNDLE_JS, PUPPETEER_DIR, CHROMIUM override the paths)
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const pkg = process.env.VOIP_BUNDLE_JS ?? join(root, 'build/wasm/npm/voip-bundle.mjs');
const puppeteerDir = process.env.PUPPETEER_DIR ?? join(root, 'build/wasm/browser-test');
const puppeteer = createRequire(join(puppeteerDir, 'package.json'))('puppeteer-core');

const files = { '/': [join(here, 'index.html'), 'text/html'], '/checks.mjs': [join(here, 'checks.mjs'), 'text/javascript'],
  '/voip-bundle.mjs': [pkg, 'text/javascript'] };
const server = createServer((req, res) => {
  const f = files[req.url];
  if (!f) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': f[1] }).end(readFileSync(f[0]));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
let results;
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction('window.results !== undefined', { timeout: 30000 }).catch(() => {
    throw new Error(`the page did not finish: ${errors.join('; ')}`);
  });
  results = await page.evaluate(() => window.results);
} finally {
  await browser.close();
  server.close();
}
for (const f of results.failures) console.log(`FAIL ${f}`);
console.log(`chromium (${results.userAgent.match(/Chrome\/[\d.]+/)}): ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 && results.passed > 0 ? 0 : 1);
