// Measures a dry run of the "Create ECS/EC2 service" template through
// `POST /api/scaffolder/v2/dry-run` on a real scaffolder backend: template
// rendering, Terraform generation with HCL parsing and formatting, and the
// dry-run paths of publish, apply and register.
//
// startTestBackend needs jest's globals, so jest runs this file:
//
//   cd plugins/ecs-ec2-backend && node ../../.yarn/releases/yarn-4.13.0.cjs \
//     backstage-cli package test --ci --rootDir . --roots '<rootDir>/bench' \
//     --testMatch '**/bench/dryRun.ts'
import { mockCredentials } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  loadTemplateEntity,
  readSkeletonContents,
  referenceValues,
  startTemplateBackend,
} from '../src/scaffolder/testing/templateBackend';

const WARMUP_RUNS = 3;
const MEASURED_RUNS = 20;

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

describe('dry-run benchmark', () => {
  it('measures POST /api/scaffolder/v2/dry-run', async () => {
    const root = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'dry-run-bench-'));
    const { backend, server } = await startTemplateBackend({
      gitDirectory: path.join(root, 'repos'),
    });
    const body = {
      template: loadTemplateEntity(),
      values: referenceValues('bench-api'),
      directoryContents: readSkeletonContents(),
    };

    const runOnce = async () => {
      const started = process.hrtime.bigint();
      const response = await request(server)
        .post('/api/scaffolder/v2/dry-run')
        .set('Authorization', mockCredentials.user.header())
        .send(body);
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
      expect(response.status).toBe(200);
      return elapsedMs;
    };

    try {
      for (let i = 0; i < WARMUP_RUNS; i++) {
        await runOnce();
      }
      const times: number[] = [];
      for (let i = 0; i < MEASURED_RUNS; i++) {
        times.push(await runOnce());
      }

      times.sort((a, b) => a - b);
      const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
      process.stdout.write(
        `dry run over ${MEASURED_RUNS} runs after ${WARMUP_RUNS} warm-up runs: ` +
          `mean ${mean.toFixed(1)} ms, median ${percentile(times, 0.5).toFixed(1)} ms, ` +
          `p95 ${percentile(times, 0.95).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms\n`,
      );
    } finally {
      await backend.stop();
      await fs.promises.rm(root, { recursive: true, force: true });
    }
  }, 120_000);
});
