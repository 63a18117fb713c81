#!/usr/bin/env node
// Fails when yarn.lock holds @backstage packages from more than one Backstage
// release. Mixed releases install fine but break at start-up, for example with
// "httpRouter.addWebSocketHandler is not a function" from the signals plugin.
//
// The expected versions come from scripts/backstage-release-manifest.json, a
// copy of the release manifest that the Backstage project publishes for the
// release named in backstage.json.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Packages whose manifest version was never published to npm, mapped to the
// version used instead and the reason.
const KNOWN_EXCEPTIONS = {
  '@backstage/plugin-scaffolder-node-test-utils': {
    version: '0.3.14',
    reason: 'the 1.55.0 manifest names 0.3.15, which npm does not have',
  },
};

function readLockedVersions(lockText) {
  const versions = new Map();
  let names = [];
  for (const line of lockText.split('\n')) {
    if (line.startsWith('"') && line.endsWith(':')) {
      // A descriptor line such as `"@backstage/errors@npm:1.3.1, @backstage/errors@npm:^1.3.0":`.
      names = line
        .slice(1, -2)
        .split(', ')
        .map(descriptor => descriptor.slice(0, descriptor.indexOf('@', 1)));
      continue;
    }
    const match = /^ {2}version: (\S+)$/.exec(line);
    if (match) {
      for (const name of new Set(names)) {
        if (!versions.has(name)) versions.set(name, new Set());
        versions.get(name).add(match[1]);
      }
      names = [];
    }
  }
  return versions;
}

const release = JSON.parse(
  readFileSync(join(root, 'backstage.json'), 'utf8'),
).version;
const manifest = JSON.parse(
  readFileSync(join(root, 'scripts/backstage-release-manifest.json'), 'utf8'),
);
if (manifest.releaseVersion !== release) {
  console.error(
    `backstage.json names release ${release}, but scripts/backstage-release-manifest.json is for ${manifest.releaseVersion}. Replace the manifest with the one for ${release}.`,
  );
  process.exit(1);
}

const expected = new Map(manifest.packages.map(p => [p.name, p.version]));
// An optional argument names another lock file, which the check's own test uses.
const lockPath = process.argv[2] ?? join(root, 'yarn.lock');
const locked = readLockedVersions(readFileSync(lockPath, 'utf8'));

const problems = [];
let checked = 0;
for (const [name, versions] of locked) {
  if (!name.startsWith('@backstage/')) continue;
  checked += 1;
  const list = [...versions].sort();
  if (list.length > 1) {
    problems.push(`${name} is locked at ${list.join(' and ')}: one release allows one version.`);
    continue;
  }
  const wanted = KNOWN_EXCEPTIONS[name]?.version ?? expected.get(name);
  if (!wanted) {
    problems.push(`${name}@${list[0]} is not part of Backstage ${release}.`);
  } else if (list[0] !== wanted) {
    problems.push(`${name} is locked at ${list[0]}, but Backstage ${release} ships ${wanted}.`);
  }
}

if (problems.length > 0) {
  console.error(`Backstage release check failed for ${release}:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  console.error(
    'Pin the package to the release version in package.json "resolutions", then run yarn install.',
  );
  process.exit(1);
}
console.log(`Backstage release check: ${checked} @backstage packages, all from release ${release}.`);
