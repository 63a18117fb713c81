/*
 * Times generateTerraform (render, parse and format every .tf) for the
 * reference spec and a two-pool GPU spec (On-Demand base plus Spot).
 *
 * Run from plugins/ecs-ec2-backend: npx sucrase-node bench/generate.ts [runs] (default 50)
 */
import { parseServiceSpec } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { generateTerraform } from '../src/scaffolder/terraform';
import {
  GENERATION_MATRIX,
  referenceInput,
} from '../src/scaffolder/terraform/testing/serviceSpecs';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function timeSpec(name: string, input: unknown, runs: number) {
  const { spec, problems } = parseServiceSpec(input);
  if (!spec) {
    throw new Error(`Invalid bench spec ${name}: ${JSON.stringify(problems)}`);
  }
  await generateTerraform(spec); // warm-up: loads the HCL WebAssembly modules

  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await generateTerraform(spec);
    times.push(performance.now() - start);
  }
  console.log(
    `${name}: median ${median(times).toFixed(1)} ms, min ${Math.min(
      ...times,
    ).toFixed(1)} ms, max ${Math.max(...times).toFixed(
      1,
    )} ms over ${runs} runs`,
  );
}

async function main() {
  const runs = Number(process.argv[2] ?? 50);
  console.log(
    `node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} x ${
      os.cpus().length
    }`,
  );
  await timeSpec('reference spec', referenceInput(), runs);
  const gpu = GENERATION_MATRIX.find(
    ([name]) => name === 'GPU pools on Spot and On-Demand',
  )![1];
  await timeSpec('GPU Spot and On-Demand spec', gpu, runs);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
