// The package under test: $VOIP_BUNDLE_JS (set by ctest), or the build's.
import { pathToFileURL } from 'node:url';

export const packagePath = process.env.VOIP_BUNDLE_JS ?? new URL('../../build/wasm/npm/voip-bundle.mjs', import.meta.url).pathname;
export const vb = await import(pathToFileURL(packagePath).href);
export const U = '0fba8c48-99fc-4727-8ca7-c847376da415';
export const PRICES = { 1: 1500, 2: 900, 3: 500, 4: 2000, 5: 300 };
