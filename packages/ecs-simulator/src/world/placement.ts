import { unitNoise } from '../random';
import { instanceAttributes, matchesExpression } from './attributes';
import { createTask } from './tasks';
import type { World } from './World';
import type {
  ClusterRecord,
  ContainerInstanceRecord,
  DeploymentRecord,
  PlacementConstraintItem,
  PlacementStrategyItem,
  ServiceRecord,
  StrategyItem,
  TaskDefinitionRecord,
  TaskRecord,
} from './types';

/** The strategy ECS applies to a service created without one: spread over zones, then instances. */
const DEFAULT_SERVICE_STRATEGY: PlacementStrategyItem[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
];

export interface PlacementRequest {
  taskDefinition: TaskDefinitionRecord;
  count: number;
  service?: ServiceRecord;
  deployment?: DeploymentRecord;
  capacityProviderStrategy: StrategyItem[];
  placementStrategy: PlacementStrategyItem[];
  placementConstraints: PlacementConstraintItem[];
  startedBy?: string;
}

export interface PlacementResult {
  placed: TaskRecord[];
  /** Reason the remaining tasks could not be placed, worded like the ECS service event. */
  failure?: string;
  /** Capacity providers that had no room, so managed scaling can add instances. */
  exhaustedProviders: string[];
}

/**
 * Places tasks the way the ECS scheduler does: choose a capacity provider by base and weight,
 * keep the instances where the task fits and the constraints hold, then rank them by the
 * placement strategies in order (spread: fewest tasks of the group on that value; binpack: least
 * remaining of the resource; random). Each placement updates the counts the next one sees, so
 * a batch costs O(tasks x instances).
 */
export function placeTasks(world: World, cluster: ClusterRecord, request: PlacementRequest): PlacementResult {
  const strategy = request.placementStrategy.length || !request.service ? request.placementStrategy : DEFAULT_SERVICE_STRATEGY;
  const groupTasks: Iterable<TaskRecord> = request.service ? request.service.tasks : [];
  const perInstance = new Map<ContainerInstanceRecord, number>();
  const perProvider = new Map<string, number>();
  for (const task of groupTasks) {
    perInstance.set(task.instance, (perInstance.get(task.instance) ?? 0) + 1);
    const provider = task.capacityProviderName ?? '';
    perProvider.set(provider, (perProvider.get(provider) ?? 0) + 1);
  }

  const attributeCache = new Map<ContainerInstanceRecord, Record<string, string>>();
  const attributesOf = (instance: ContainerInstanceRecord) => {
    let attributes = attributeCache.get(instance);
    if (!attributes) {
      attributes = instanceAttributes(instance);
      attributeCache.set(instance, attributes);
    }
    return attributes;
  };
  const spreadValue = (instance: ContainerInstanceRecord, field: string) =>
    field === 'instanceId' || field === 'host' ? instance.id : attributesOf(instance)[field.replace(/^attribute:/, '')] ?? '';

  const spreadCounts = new Map<string, Map<string, number>>();
  for (const item of strategy) {
    if (item.type === 'spread' && item.field && item.field !== 'instanceId' && item.field !== 'host') {
      const counts = new Map<string, number>();
      for (const [instance, count] of perInstance) {
        const value = spreadValue(instance, item.field);
        counts.set(value, (counts.get(value) ?? 0) + count);
      }
      spreadCounts.set(item.field, counts);
    }
  }

  const constraintCache = new Map<ContainerInstanceRecord, boolean>();
  const meetsMemberOf = (instance: ContainerInstanceRecord) => {
    let result = constraintCache.get(instance);
    if (result === undefined) {
      result = request.placementConstraints
        .filter(c => c.type === 'memberOf' && c.expression)
        .every(c => matchesExpression(c.expression!, instance));
      constraintCache.set(instance, result);
    }
    return result;
  };
  const distinctInstance = request.placementConstraints.some(c => c.type === 'distinctInstance');

  const placed: TaskRecord[] = [];
  const exhausted = new Set<string>();
  let failure: string | undefined;
  const needs = request.taskDefinition.needs;

  for (let n = 0; n < request.count; n++) {
    const providers = providerPreference(request.capacityProviderStrategy, perProvider);
    let chosen: ContainerInstanceRecord | undefined;
    let closest: { instance: ContainerInstanceRecord; reason: string } | undefined;

    for (const provider of providers) {
      let bestScore: number[] | undefined;
      for (const instance of cluster.instances.values()) {
        if (instance.status !== 'ACTIVE') {
          continue;
        }
        if (provider !== undefined && instance.capacityProviderName !== provider) {
          continue;
        }
        const shortfall = resourceShortfall(instance, needs);
        if (shortfall) {
          closest ??= { instance, reason: shortfall };
          continue;
        }
        if (distinctInstance && (perInstance.get(instance) ?? 0) > 0) {
          closest ??= { instance, reason: 'distinctInstance placement constraint' };
          continue;
        }
        if (!meetsMemberOf(instance)) {
          continue;
        }

        const score = strategy.map(item => {
          if (item.type === 'spread') {
            const field = item.field ?? 'instanceId';
            return field === 'instanceId' || field === 'host'
              ? perInstance.get(instance) ?? 0
              : spreadCounts.get(field)!.get(spreadValue(instance, field)) ?? 0;
          }
          if (item.type === 'binpack') {
            return (item.field ?? 'memory').toLowerCase() === 'cpu'
              ? instance.cpu - instance.usedCpu
              : instance.memory - instance.usedMemory;
          }
          return unitNoise(`${instance.id}/${cluster.tasks.size}/${n}`);
        });
        score.push(instance.order);
        if (!bestScore || compareScores(score, bestScore) < 0) {
          bestScore = score;
          chosen = instance;
        }
      }
      if (chosen) {
        break;
      }
      if (provider !== undefined) {
        exhausted.add(provider);
      }
    }

    if (!chosen) {
      failure = closest
        ? `was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance ${closest.instance.id}) has ${closest.reason}. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`
        : 'was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your capacity provider. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';
      break;
    }

    const task = createTask(world, cluster, request.taskDefinition, chosen, {
      service: request.service,
      deployment: request.deployment,
      startedBy: request.startedBy,
    });
    placed.push(task);

    perInstance.set(chosen, (perInstance.get(chosen) ?? 0) + 1);
    const providerKey = chosen.capacityProviderName ?? '';
    perProvider.set(providerKey, (perProvider.get(providerKey) ?? 0) + 1);
    for (const [field, counts] of spreadCounts) {
      const value = spreadValue(chosen, field);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }

  return { placed, failure, exhaustedProviders: [...exhausted] };
}

function resourceShortfall(instance: ContainerInstanceRecord, needs: TaskDefinitionRecord['needs']): string | undefined {
  if (instance.cpu - instance.usedCpu < needs.cpu) {
    return 'insufficient CPU units available';
  }
  if (instance.memory - instance.usedMemory < needs.memory) {
    return 'insufficient memory available';
  }
  if (instance.gpuIds.length - instance.usedGpuIds.size < needs.gpus) {
    return 'insufficient GPU available';
  }
  if (needs.fixedPorts.some(p => instance.usedPorts.has(p))) {
    return 'a port already in use';
  }
  return undefined;
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return a[i] - b[i];
    }
  }
  return 0;
}

/**
 * Orders capacity providers for the next task: a provider below its base first, then the one
 * furthest below its weighted share, then the others as fallbacks. Returns `[undefined]` when
 * the service uses the EC2 launch type without capacity providers.
 */
function providerPreference(strategy: StrategyItem[], counts: Map<string, number>): Array<string | undefined> {
  if (strategy.length === 0) {
    return [undefined];
  }
  const belowBase = strategy.find(s => s.base > 0 && (counts.get(s.capacityProvider) ?? 0) < s.base);
  const weighted = strategy
    .filter(s => s.weight > 0)
    .map((s, index) => ({
      name: s.capacityProvider,
      share: (Math.max(0, (counts.get(s.capacityProvider) ?? 0) - s.base) + 1) / s.weight,
      index,
    }))
    .sort((a, b) => a.share - b.share || a.index - b.index)
    .map(s => s.name);

  const order = belowBase ? [belowBase.capacityProvider, ...weighted] : weighted;
  return order.filter((name, i) => order.indexOf(name) === i);
}
