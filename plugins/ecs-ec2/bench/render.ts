/**
 * Renders the ECS tab with a generated fixture of 400 container instances and
 * 2,000 tasks in headless Chromium and prints timings and the DOM node count.
 *
 * Run from the repository root: `node plugins/ecs-ec2/bench/render.ts`
 * (Node 22 strips the types). Needs Debian's /usr/bin/chromium.
 */
/* eslint-disable no-console -- a command-line script that prints its figures */
// esbuild comes with @backstage/cli and playwright-core with the root workspace.
// eslint-disable-next-line @backstage/no-undeclared-imports
import { build } from 'esbuild';
// eslint-disable-next-line @backstage/no-undeclared-imports
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const runs = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function bundle(outDir: string): Promise<void> {
  await build({
    entryPoints: [join(benchDir, 'harness.tsx')],
    bundle: true,
    minify: true,
    outfile: join(outDir, 'harness.js'),
    platform: 'browser',
    format: 'iife',
    jsx: 'automatic',
    loader: { '.svg': 'dataurl', '.png': 'dataurl' },
    define: {
      'process.env.NODE_ENV': '"production"',
      global: 'window',
    },
    // The test app wrapper pulls in test helpers that reference Node built-ins
    // the harness never calls.
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
    join(outDir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>ECS tab</title></head>' +
      '<body><div id="root"></div><script src="harness.js"></script></body></html>',
  );
}

async function main() {
  const workDir = mkdtempSync(join(tmpdir(), 'ecs-ec2-bench-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'ecs-ec2-chromium-'));
  await bundle(workDir);

  // Playwright takes the fresh profile directory as the user data dir of a
  // persistent context instead of a --user-data-dir argument.
  const browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

  try {
    const paint: number[] = [];
    const filter: number[] = [];
    const expand: number[] = [];
    let nodes = 0;

    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage();
      await page.setViewportSize({ width: 1600, height: 1000 });
      page.on('pageerror', error =>
        console.error(`page error: ${error.message}`),
      );
      await page.goto(`file://${join(workDir, 'index.html')}`);
      await page.waitForFunction(
        () => typeof window.showFixture === 'function',
      );

      paint.push(await page.evaluate(() => window.showFixture('large')));
      nodes = await page.evaluate(
        () => document.getElementsByTagName('*').length,
      );

      // Each interaction polls with zero-delay timeouts until React has committed
      // the change, then waits for the next frame to be painted, so the figure is
      // the time from the event to the first paint that shows the result.

      // Expanding one capacity provider group renders its instance boxes.
      expand.push(
        await page.evaluate(async () => {
          const header = [...document.querySelectorAll('button')].find(button =>
            button.textContent?.startsWith('scale-pool-01 · us-east-1a'),
          )!;
          const start = performance.now();
          header.click();
          while (!document.querySelector('[role="group"][aria-label^="i-0"]')) {
            await new Promise(resolve => setTimeout(resolve, 0));
          }
          await new Promise(resolve =>
            requestAnimationFrame(() => setTimeout(resolve, 0)),
          );
          return performance.now() - start;
        }),
      );

      // Typing an instance id filters 400 instances down to one.
      const instanceId = `i-0${(163).toString(16).padStart(15, '0')}`;
      filter.push(
        await page.evaluate(async id => {
          const input = document.querySelector<HTMLInputElement>(
            'input[aria-label="Filter instances and tasks"]',
          )!;
          const setValue = Object.getOwnPropertyDescriptor(
            HTMLInputElement.prototype,
            'value',
          )!.set!;
          const start = performance.now();
          setValue.call(input, id);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const matching = () =>
            document.querySelectorAll('[role="group"][aria-label^="i-0"]');
          while (
            matching().length !== 1 ||
            !matching()[0].getAttribute('aria-label')!.startsWith(`${id},`)
          ) {
            await new Promise(resolve => setTimeout(resolve, 0));
          }
          await new Promise(resolve =>
            requestAnimationFrame(() => setTimeout(resolve, 0)),
          );
          return performance.now() - start;
        }, instanceId),
      );
      await page.close();
    }

    const report = {
      fixture:
        '400 container instances, 2,000 tasks, 12 capacity providers, 3 zones',
      runs,
      dataToPaintMs: { median: median(paint), all: paint.map(Math.round) },
      expandGroupMs: { median: median(expand), all: expand.map(Math.round) },
      filterMs: { median: median(filter), all: filter.map(Math.round) },
      domNodes: nodes,
    };
    console.log(JSON.stringify(report, null, 2));

    const screenshotPath = process.env.ECS_EC2_SCREENSHOT;
    if (screenshotPath) {
      const page = await browser.newPage();
      await page.setViewportSize({ width: 1400, height: 1000 });
      await page.goto(`file://${join(workDir, 'index.html')}`);
      await page.waitForFunction(
        () => typeof window.showFixture === 'function',
      );
      const fixture = process.env.ECS_EC2_SCREENSHOT_FIXTURE ?? 'rollback';
      await page.evaluate(name => window.showFixture(name), fixture);
      await page.screenshot({ path: screenshotPath, fullPage: true });
    }
  } finally {
    await browser.close();
    rmSync(workDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
