import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { scaleScenario } from './scaleScenario';
import type { Scenario } from './types';

/** A built-in scenario name, a scenario object or the path of a scenario YAML file. @public */
export type ScenarioSource = 'demo' | 'scale' | 'empty' | Scenario | string;

/** Resolves a scenario source to a validated scenario. */
export function loadScenario(source: ScenarioSource): Scenario {
  if (typeof source !== 'string') {
    return validateScenario(source, 'scenario object');
  }
  if (source === 'scale') {
    return scaleScenario();
  }
  if (source === 'empty') {
    return { accounts: [{ id: '123456789012', accessKeyIds: ['SIMULATED'] }], clusters: [] };
  }
  const file = source === 'demo' ? path.join(packageRoot(), 'scenarios', 'demo.yaml') : path.resolve(source);
  if (!fs.existsSync(file)) {
    throw new Error(`Scenario file ${file} not found: pass demo, scale, empty or the path of a YAML file`);
  }
  return validateScenario(parse(fs.readFileSync(file, 'utf8')), file);
}

function validateScenario(value: unknown, origin: string): Scenario {
  const scenario = value as Scenario;
  if (!scenario || typeof scenario !== 'object' || !Array.isArray(scenario.clusters)) {
    throw new Error(`Invalid scenario in ${origin}: expected an object with a clusters list`);
  }
  for (const cluster of scenario.clusters) {
    if (!cluster?.name) {
      throw new Error(`Invalid scenario in ${origin}: every cluster needs a name`);
    }
    for (const service of cluster.services ?? []) {
      if (!service.name || !service.taskDefinition || typeof service.desiredCount !== 'number') {
        throw new Error(
          `Invalid service ${service.name ?? '(unnamed)'} in cluster ${cluster.name} of ${origin}: name, taskDefinition and a numeric desiredCount are required`,
        );
      }
    }
  }
  return scenario;
}

/** Finds the package folder from the source or the built file, so scenarios/ resolves in both. */
function packageRoot(): string {
  // The scenarios folder ships beside src/ and dist/, so walk up from either.
  // eslint-disable-next-line no-restricted-syntax
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'scenarios', 'demo.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error('The scenarios folder of @ecs-on-ec2/ecs-simulator was not found');
    }
    dir = parent;
  }
  return dir;
}
