/**
 * An AWS-compatible ECS, CloudWatch and Auto Scaling endpoint for demos, tests and benchmarks.
 *
 * @packageDocumentation
 */

export { startSimulator } from './startSimulator';
export type { Simulator, SimulatorOptions } from './startSimulator';
export type { FaultConfig } from './faults';
export type {
  Scenario,
  ScenarioAccount,
  ScenarioCluster,
  ScenarioCapacityProvider,
  ScenarioInstanceGroup,
  ScenarioStrategyItem,
  ScenarioTaskDefinition,
  ScenarioContainer,
  ScenarioTaskBehaviour,
  ScenarioService,
} from './scenario/types';
export type { ScenarioSource } from './scenario/loadScenario';
export { loadScenario } from './scenario/loadScenario';
export { scaleScenario } from './scenario/scaleScenario';
export type { AppliedResource, ApplyResult } from './terraform/applyTerraform';
export type { Clock } from './clock';
