/* eslint-disable no-console */
/**
 * Measures requests per second of the simulator on loopback for a mix of ListTasks and
 * DescribeTasks (100 tasks each) against the scale scenario, through the real ECS client.
 *
 * Run: node -r @backstage/cli-node/config/nodeTransform.cjs bench/throughput.ts [requests] [concurrency]
 * Bounded: stops after `requests` calls (default 5,000) or 30 seconds, whichever comes first.
 */
import { DescribeTasksCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import { startSimulator } from '../src';

async function main() {
  const total = Number(process.argv[2] ?? 5000);
  const concurrency = Number(process.argv[3] ?? 16);
  const deadline = Date.now() + 30_000;

  const sim = await startSimulator({ scenario: 'scale', clock: 'manual' });
  const ecs = new ECSClient({
    endpoint: sim.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'SIMULATED', secretAccessKey: 'simulated' },
    maxAttempts: 1,
  });
  const pages: string[][] = [];
  let token: string | undefined;
  do {
    const page = await ecs.send(new ListTasksCommand({ cluster: 'scale', serviceName: 'bulk', nextToken: token }));
    pages.push(page.taskArns!);
    token = page.nextToken;
  } while (token);

  let sent = 0;
  let failed = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (sent < total && Date.now() < deadline) {
      const n = sent++;
      try {
        if (n % 2 === 0) {
          await ecs.send(new ListTasksCommand({ cluster: 'scale', serviceName: 'bulk' }));
        } else {
          await ecs.send(new DescribeTasksCommand({ cluster: 'scale', tasks: pages[n % pages.length] }));
        }
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await sim.stop();

  console.log(`requests: ${sent} (${failed} failed), concurrency ${concurrency}, ${seconds.toFixed(2)} s`);
  console.log(`throughput: ${(sent / seconds).toFixed(0)} requests/second (half ListTasks, half DescribeTasks of 100 tasks)`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
