import type { AddressInfo } from 'node:net';
import { ManualClock, RealClock, type Clock } from './clock';
import { FaultInjector, type FaultConfig } from './faults';
import { createSimulatorServer } from './protocol/server';
import { buildWorld } from './scenario/buildWorld';
import { loadScenario, type ScenarioSource } from './scenario/loadScenario';
import { applyTerraformDir, applyTerraformFiles, type ApplyResult } from './terraform/applyTerraform';
import { advanceWorld } from './world/lifecycle';

/** Options of {@link startSimulator}. @public */
export interface SimulatorOptions {
  /** `demo`, `scale`, `empty`, a scenario object or the path of a scenario YAML file. */
  scenario: ScenarioSource;
  /** Port on 127.0.0.1; default 0 picks a free one. */
  port?: number;
  /** `real` (default) follows the wall clock; `manual` moves only with `advance`. */
  clock?: 'real' | 'manual';
  faults?: FaultConfig;
  /** Start time of a manual clock in epoch milliseconds; default 2026-01-05T12:00:00Z. */
  startTime?: number;
}

/** A running simulator. @public */
export interface Simulator {
  /** Endpoint for the AWS SDK clients, such as `http://127.0.0.1:4599`. */
  url: string;
  port: number;
  /** Calls per operation since the start or the last reset, keyed `ECS.ListTasks` and so on. */
  calls(): Record<string, number>;
  resetCalls(): void;
  /** Replaces the faults; an empty object removes them. */
  setFaults(faults: FaultConfig): void;
  /** Moves a manual clock forward and runs the simulation up to the new time. */
  advance(ms: number): void;
  /** Current simulated time in epoch milliseconds. */
  now(): number;
  applyTerraform(dir: string): Promise<ApplyResult>;
  applyTerraformFiles(files: Record<string, string>): Promise<ApplyResult>;
  stop(): Promise<void>;
}

const DEFAULT_MANUAL_START = Date.UTC(2026, 0, 5, 12, 0, 0);

/**
 * Starts the simulator: builds the scenario's world and serves the ECS, CloudWatch and Auto
 * Scaling APIs plus the `/_admin/` API on 127.0.0.1.
 *
 * @public
 */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const manual = options.clock === 'manual';
  const clock: Clock = manual ? new ManualClock(options.startTime ?? DEFAULT_MANUAL_START) : new RealClock();
  const world = buildWorld(loadScenario(options.scenario), clock.now());
  let faults = new FaultInjector(options.faults ?? {}, clock);
  let calls: Record<string, number> = {};

  const advance = (ms: number) => {
    if (!(clock instanceof ManualClock)) {
      throw new Error('advance() needs a manual clock: start the simulator with clock: "manual"');
    }
    clock.advance(ms);
    advanceWorld(world, clock.now());
  };
  const setFaults = (config: FaultConfig) => {
    faults = new FaultInjector(config ?? {}, clock);
  };

  const server = createSimulatorServer({
    world,
    faults: () => faults,
    sync: () => advanceWorld(world, clock.now()),
    countCall: operation => {
      calls[operation] = (calls[operation] ?? 0) + 1;
    },
    admin: async (method, path, body) => {
      const json = () => (body ? JSON.parse(body) : {});
      try {
        if (method === 'GET' && path === 'health') return { status: 200, body: { status: 'ok', time: new Date(clock.now()).toISOString() } };
        if (method === 'GET' && path === 'calls') return { status: 200, body: calls };
        if (method === 'POST' && path === 'calls/reset') {
          calls = {};
          return { status: 200, body: {} };
        }
        if (method === 'POST' && path === 'faults') {
          setFaults(json());
          return { status: 200, body: faults.config };
        }
        if (method === 'POST' && path === 'clock/advance') {
          advance(Number(json().ms));
          return { status: 200, body: { time: new Date(clock.now()).toISOString() } };
        }
        if (method === 'POST' && path === 'apply') {
          const files = json().files;
          if (!files || typeof files !== 'object') {
            return { status: 400, body: { error: 'Missing files: send {"files": {"main.tf": "..."}}' } };
          }
          return { status: 200, body: await applyTerraformFiles(world, files) };
        }
        return { status: 404, body: { error: `No admin route ${method} /_admin/${path}` } };
      } catch (error) {
        return { status: 400, body: { error: (error as Error).message } };
      }
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    calls: () => ({ ...calls }),
    resetCalls: () => {
      calls = {};
    },
    setFaults,
    advance,
    now: () => clock.now(),
    applyTerraform: dir => applyTerraformDir(world, dir),
    applyTerraformFiles: files => applyTerraformFiles(world, files),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}
