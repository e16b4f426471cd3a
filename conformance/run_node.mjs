// SPDX-License-Identifier: MIT
// The Node runner of the conformance vectors: every vector through the npm package as built
// in build/wasm/npm (cmake --workflow --preset wasm), or $VOIP_BUNDLE_JS.
//
//     node conformance/run_node.mjs [conformance/vectors.json]
//
// Prints the first failures and `node: N passed, M failed (...)`, naming the ops skipped as
// not bound in the package; exit 1 on a failure or when the package is not built.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { run, summary, vectorsOf } from './answer.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = process.env.VOIP_BUNDLE_JS ?? `${root}build/wasm/npm/voip-bundle.mjs`;
const file = process.argv[2] ?? `${root}conformance/vectors.json`;
if (!existsSync(pkg)) {
  console.log(`node: not run (no ${pkg}: build it with cmake --workflow --preset wasm)`);
  process.exit(1);
}
let vectors;
try {
  vectors = vectorsOf(JSON.parse(readFileSync(file, 'utf8')));
} catch (e) {
  console.log(`node: not run (${file}: ${e.message})`);
  process.exit(1);
}
const result = run(await import(pathToFileURL(pkg).href), vectors);
for (const line of result.shown) console.log(line);
console.log(summary('node', result));
process.exit(result.failed === 0 && result.passed > 0 ? 0 : 1);
