// The package as published: `npm pack`, installed offline into an empty folder, imported by
// name; and its .d.ts declaring every export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { vb, packagePath } from './load.mjs';

test('npm pack installs offline into an empty folder and imports by name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'voip-bundle-'));
  try {
    const npm = (...args) => execFileSync('npm', [...args, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, encoding: 'utf8' });
    const tgz = npm('pack', dirname(packagePath), '--pack-destination', dir).trim().split('\n').pop();
    writeFileSync(join(dir, 'package.json'), '{"name": "consumer", "private": true, "type": "module"}');
    npm('install', join(dir, tgz));
    writeFileSync(join(dir, 'main.mjs'), "import { firstExpiry } from 'voip-bundle';\nconsole.log(firstExpiry('2018-01-31'));\n");
    assert.equal(execFileSync(process.execPath, ['main.mjs'], { cwd: dir, encoding: 'utf8' }), '2018-02-28\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the .d.ts declares every export, and nothing else', () => {
  const dts = readFileSync(join(dirname(packagePath), 'voip-bundle.d.ts'), 'utf8');
  const declared = new Set([...dts.matchAll(/^export declare (?:function|const|class) (\w+)/gm)].map((m) => m[1]));
  assert.deepEqual([...declared].sort(), Object.keys(vb).sort());
});

test('no embind object leaks: every value is a plain object or primitive', () => {
  const pkg = JSON.parse(readFileSync(join(dirname(packagePath), 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'voip-bundle');
  assert.equal(pkg.type, 'module');
  for (const [name, v] of Object.entries(vb)) {
    if (typeof v === 'object' && v !== null) assert.ok(Object.isFrozen(v), name);
  }
});
