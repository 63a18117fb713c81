#!/usr/bin/env node
// Builds the demo portal, starts its backend on the embedded default (SQLite in
// memory, simulated AWS account), runs the Playwright suite in Debian's Chromium
// against it, and stops the backend again whatever the outcome.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const backendUrl = 'http://localhost:7007';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', code =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

function isPortTaken(port) {
  return new Promise(resolve => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForBackend(backend, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (backend.exitCode !== null) {
      throw new Error(`The backend exited with ${backend.exitCode} before it was ready`);
    }
    try {
      const response = await fetch(`${backendUrl}/api/ecs-ec2/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`The backend did not respond on ${backendUrl}/api/ecs-ec2/health within ${timeoutMs / 1000} s`);
}

// The catalog ingests the demo entities and the template a few seconds after
// the backend is up, so specs that start earlier would see an empty catalog.
async function waitForCatalog(timeoutMs) {
  const entities = [
    'template/default/ecs-ec2-service',
    'component/default/web-api',
    'component/default/payments',
    'resource/default/demo',
  ];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const session = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      });
      const token = (await session.json()).backstageIdentity.token;
      const found = await Promise.all(
        entities.map(async ref => {
          const response = await fetch(
            `${backendUrl}/api/catalog/entities/by-name/${ref}`,
            { headers: { Authorization: `Bearer ${token}` } },
          );
          return response.ok;
        }),
      );
      if (found.every(Boolean)) return;
    } catch {
      // Sign-in or catalog not ready yet.
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`The catalog did not list ${entities.join(', ')} within ${timeoutMs / 1000} s`);
}

async function main() {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  for (const port of [7007, 4599]) {
    if (await isPortTaken(port)) {
      throw new Error(`Port ${port} is in use; stop the running portal before the browser tests.`);
    }
  }

  await run('yarn', ['workspace', 'app', 'build']);

  // The backend serves the built app itself, so the browser talks to one origin.
  const backend = spawn('yarn', ['workspace', 'backend', 'start'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
    env: {
      ...process.env,
      APP_CONFIG_app_baseUrl: backendUrl,
      APP_CONFIG_backend_cors_origin: backendUrl,
    },
  });

  try {
    await waitForBackend(backend, 180_000);
    await waitForCatalog(120_000);
    await run('yarn', ['playwright', 'test', '--config', 'e2e/playwright.config.ts'], {
      env: { ...process.env, PORTAL_URL: backendUrl, CHROMIUM_PATH: chromiumPath },
    });
  } finally {
    if (backend.exitCode === null) {
      process.kill(-backend.pid, 'SIGTERM');
    }
  }
}

main().catch(error => {
  console.error(error.message);
  process.exit(1);
});
