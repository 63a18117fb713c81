/**
 * Renders one fixture of the ECS tab in headless Chromium, expands every
 * capacity provider group and saves a full-page screenshot, to review the
 * layout without the demo portal.
 *
 * Run from the repository root:
 * `node plugins/ecs-ec2/bench/screenshot.ts healthy /tmp/healthy.png [width]`
 */
/* eslint-disable no-console -- a command-line script */
// eslint-disable-next-line @backstage/no-undeclared-imports
import { build } from 'esbuild';
// eslint-disable-next-line @backstage/no-undeclared-imports
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));

async function main() {
  const [fixture = 'healthy', out = '/tmp/ecs-tab.png', width = '1440'] =
    process.argv.slice(2);
  const workDir = mkdtempSync(join(tmpdir(), 'ecs-ec2-shot-'));
  await build({
    entryPoints: [join(benchDir, 'harness.tsx')],
    bundle: true,
    outfile: join(workDir, 'harness.js'),
    platform: 'browser',
    format: 'iife',
    jsx: 'automatic',
    loader: { '.svg': 'dataurl', '.png': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    external: [
      'fs',
      'path',
      'os',
      'util',
      'stream',
      'http',
      'https',
      'url',
      'zlib',
    ],
    logLevel: 'error',
  });
  writeFileSync(
    join(workDir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"></head>' +
      '<body><div id="root"></div><script src="harness.js"></script></body></html>',
  );

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: Number(width), height: 900 },
    });
    page.on('pageerror', error =>
      console.error(`page error: ${error.message}`),
    );
    await page.goto(`file://${join(workDir, 'index.html')}`);
    await page.waitForFunction(() => typeof window.showFixture === 'function');
    await page.evaluate(name => window.showFixture(name), fixture);
    await page.evaluate(() => {
      for (const button of document.querySelectorAll<HTMLButtonElement>(
        'button[aria-expanded="false"]',
      )) {
        if (/instance/.test(button.textContent ?? '')) button.click();
      }
    });
    await page.waitForTimeout(300);
    await page.screenshot({ path: out, fullPage: true });
    console.log(out);
  } finally {
    await browser.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
