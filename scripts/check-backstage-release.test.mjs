import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), 'check-backstage-release.mjs');

function checkLock(lockText) {
  const directory = mkdtempSync(join(tmpdir(), 'release-check-'));
  const lockPath = join(directory, 'yarn.lock');
  writeFileSync(lockPath, lockText);
  return spawnSync(process.execPath, [script, lockPath], { encoding: 'utf8' });
}

function lockEntry(name, range, version) {
  return `"${name}@npm:${range}":\n  version: ${version}\n  resolution: "${name}@npm:${version}"\n\n`;
}

test('passes on the committed yarn.lock', () => {
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});

test('fails when one package is locked at two versions', () => {
  const result = checkLock(
    lockEntry('@backstage/backend-plugin-api', '^1.10.1', '1.10.1') +
      lockEntry('@backstage/backend-plugin-api', '^1.4.0', '1.4.3'),
  );
  assert.equal(result.status, 1);
  assert.match(result.stderr, /@backstage\/backend-plugin-api is locked at 1\.10\.1 and 1\.4\.3/);
});

test('fails when a package is from another release', () => {
  const result = checkLock(lockEntry('@backstage/errors', '^1.2.0', '1.2.7'));
  assert.equal(result.status, 1);
  assert.match(result.stderr, /@backstage\/errors is locked at 1\.2\.7, but Backstage 1\.55\.0 ships 1\.3\.1/);
});

test('accepts a lock that matches the release', () => {
  const result = checkLock(lockEntry('@backstage/errors', '^1.3.0', '1.3.1'));
  assert.equal(result.status, 0, result.stderr);
});
