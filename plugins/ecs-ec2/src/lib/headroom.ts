import {
  EcsCapacityProviderView,
  EcsContainerInstanceView,
  EcsServiceView,
  EcsTaskSize,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { formatCpu, formatGpus, formatMemory } from './format';

/** A resource a task reserves on a container instance. */
export type ResourceName = 'cpu' | 'memory' | 'gpu';

/** Whether one more task of the service fits, and why not when it does not. */
export interface HeadroomVerdict {
  fits: boolean;
  /** ACTIVE instances of the service's capacity providers that placement may use. */
  candidateCount: number;
  /** Candidates with room for one more task. */
  fittingCount: number;
  /** Tasks of the current size that fit on the candidates, one instance at a time. */
  additionalTasks: number;
  /** Resources no candidate has enough of, or that block the closest candidate. */
  shortResources: ResourceName[];
  /** The explanation, one sentence each, in the order a reader needs them. */
  sentences: string[];
}

const resourceNames: ResourceName[] = ['cpu', 'memory', 'gpu'];

/** Names of the resources in running text. */
export const resourceNouns: Record<ResourceName, string> = {
  cpu: 'CPU',
  memory: 'memory',
  gpu: 'GPUs',
};

function needOf(size: EcsTaskSize, resource: ResourceName): number {
  if (resource === 'cpu') return size.cpu;
  if (resource === 'memory') return size.memoryMiB;
  return size.gpus;
}

function freeOf(
  instance: EcsContainerInstanceView,
  resource: ResourceName,
): number {
  if (resource === 'cpu') return instance.remaining.cpu;
  if (resource === 'memory') return instance.remaining.memoryMiB;
  return instance.remaining.gpus;
}

function registeredOf(
  instance: EcsContainerInstanceView,
  resource: ResourceName,
): number {
  if (resource === 'cpu') return instance.registered.cpu;
  if (resource === 'memory') return instance.registered.memoryMiB;
  return instance.registered.gpus;
}

/** Formats an amount of a resource in the unit a service owner reads. */
export function formatResource(resource: ResourceName, amount: number): string {
  if (resource === 'cpu') return formatCpu(amount);
  if (resource === 'memory') return `${formatMemory(amount)} memory`;
  return formatGpus(amount);
}

function describeInstance(instance: EcsContainerInstanceView): string {
  return instance.instanceType
    ? `${instance.ec2InstanceId} (${instance.instanceType})`
    : instance.ec2InstanceId;
}

/**
 * Names of the capacity providers placement may use: those of the strategy with a
 * weight or a base, or every provider when the service uses the EC2 launch type.
 */
export function usableCapacityProviders(service: EcsServiceView): string[] {
  const strategy = service.launch.capacityProviderStrategy.filter(
    item => item.weight > 0 || item.base > 0,
  );
  if (strategy.length > 0) {
    return strategy.map(item => item.capacityProvider);
  }
  return service.capacityProviders.map(provider => provider.name);
}

function candidatesOf(service: EcsServiceView): EcsContainerInstanceView[] {
  const strategyNames = service.launch.capacityProviderStrategy
    .filter(item => item.weight > 0 || item.base > 0)
    .map(item => item.capacityProvider);

  // distinctInstance forbids a second task of the service on the same instance.
  const distinct = service.launch.placementConstraints.some(
    constraint => constraint.type === 'distinctInstance',
  );
  const occupied = new Set(
    service.tasks
      .filter(task => task.lastStatus !== 'STOPPED')
      .map(task => task.containerInstanceArn),
  );

  return service.containerInstances.filter(instance => {
    if (instance.status !== 'ACTIVE' || !instance.agentConnected) {
      return false;
    }
    if (
      strategyNames.length > 0 &&
      !strategyNames.includes(instance.capacityProviderName ?? '')
    ) {
      return false;
    }
    return !(distinct && occupied.has(instance.containerInstanceArn));
  });
}

function fitsOn(
  instance: EcsContainerInstanceView,
  size: EcsTaskSize,
): boolean {
  return resourceNames.every(
    resource => freeOf(instance, resource) >= needOf(size, resource),
  );
}

function tasksThatFit(
  instance: EcsContainerInstanceView,
  size: EcsTaskSize,
): number {
  const counts = resourceNames
    .filter(resource => needOf(size, resource) > 0)
    .map(resource =>
      Math.floor(freeOf(instance, resource) / needOf(size, resource)),
    );
  return counts.length > 0 ? Math.max(0, Math.min(...counts)) : 0;
}

function largestFree(
  candidates: EcsContainerInstanceView[],
  resource: ResourceName,
): EcsContainerInstanceView {
  return candidates.reduce((best, instance) =>
    freeOf(instance, resource) > freeOf(best, resource) ? instance : best,
  );
}

function scalingSentences(
  service: EcsServiceView,
  providers: EcsCapacityProviderView[],
  short: ResourceName[],
): string[] {
  const size = service.taskSize;
  return providers.map(provider => {
    // An instance type that registers too little of a short resource cannot
    // take the task even when it is new and empty.
    const registeredByType = new Map<string, EcsContainerInstanceView>();
    for (const instance of service.containerInstances) {
      if (
        instance.capacityProviderName === provider.name &&
        instance.instanceType
      ) {
        registeredByType.set(instance.instanceType, instance);
      }
    }
    const knownTypes = [...registeredByType.values()];
    const noTypeFits =
      knownTypes.length > 0 &&
      (provider.autoScalingGroup?.instanceTypes ?? []).every(type =>
        registeredByType.has(type),
      ) &&
      knownTypes.every(instance =>
        short.some(
          resource => registeredOf(instance, resource) < needOf(size, resource),
        ),
      );
    if (noTypeFits) {
      return `No instance type of ${provider.name} (${[
        ...registeredByType.keys(),
      ].join(', ')}) is large enough for one task, so scaling out ${
        provider.name
      } does not help.`;
    }

    const group = provider.autoScalingGroup;
    if (provider.managedScalingStatus !== 'ENABLED') {
      return `${
        provider.name
      } has no managed scaling; add instances to its Auto Scaling group${
        group ? ` ${group.name}` : ''
      }.`;
    }
    if (!group) {
      return `Managed scaling of ${provider.name} can add instances.`;
    }
    if (group.desiredCapacity < group.maxSize) {
      return `Managed scaling of ${provider.name} can add instances up to max ${group.maxSize} (${group.inServiceCount} in service now).`;
    }
    return `${provider.name} is at its Auto Scaling group max of ${group.maxSize}; raise the max of ${group.name} or free capacity.`;
  });
}

/**
 * Checks whether one more task of the service's current size fits on its running
 * instances, looking at the remaining CPU, memory and GPUs of ACTIVE instances of
 * the capacity providers in the strategy. It models the resource check only.
 */
// NOTE: memberOf constraints, port conflicts of bridge and host networking, and
// ENI limits of awsvpc are not checked, so a task may still fail to place.
export function checkHeadroom(service: EcsServiceView): HeadroomVerdict {
  const size = service.taskSize;
  const candidates = candidatesOf(service);
  const usable = usableCapacityProviders(service);
  const providers = service.capacityProviders.filter(provider =>
    usable.includes(provider.name),
  );
  const needText = resourceNames
    .filter(resource => needOf(size, resource) > 0)
    .map(resource => formatResource(resource, needOf(size, resource)))
    .join(', ');

  const fitting = candidates.filter(instance => fitsOn(instance, size));
  const additionalTasks = candidates.reduce(
    (sum, instance) => sum + tasksThatFit(instance, size),
    0,
  );

  if (fitting.length > 0) {
    return {
      fits: true,
      candidateCount: candidates.length,
      fittingCount: fitting.length,
      additionalTasks,
      shortResources: [],
      sentences: [
        `One more task (${needText}) fits: ${fitting.length} of ${
          candidates.length
        } active instances have room, for example ${describeInstance(
          fitting[0],
        )}.`,
        additionalTasks === 1
          ? 'Only this one task of this size fits on the running instances.'
          : `About ${additionalTasks} more tasks of this size fit on the running instances.`,
      ],
    };
  }

  if (candidates.length === 0) {
    return {
      fits: false,
      candidateCount: 0,
      fittingCount: 0,
      additionalTasks: 0,
      shortResources: [],
      sentences: [
        `No ACTIVE container instance is registered in ${
          usable.length > 0 ? usable.join(', ') : 'the cluster'
        }, so one more task (${needText}) has nowhere to run.`,
        ...scalingSentences(service, providers, []),
      ],
    };
  }

  const sentences: string[] = [];
  let short = resourceNames.filter(resource => {
    const need = needOf(size, resource);
    return (
      need > 0 && freeOf(largestFree(candidates, resource), resource) < need
    );
  });

  for (const resource of short) {
    const best = largestFree(candidates, resource);
    sentences.push(
      `No instance has ${formatResource(
        resource,
        needOf(size, resource),
      )} free; the largest free is ${formatResource(
        resource,
        freeOf(best, resource),
      )} on ${describeInstance(best)}.`,
    );
  }

  if (short.length === 0) {
    // Each resource is free somewhere, but never all on the same instance: name
    // what the instance with the most free CPU lacks.
    const closest = largestFree(candidates, 'cpu');
    short = resourceNames.filter(
      resource => freeOf(closest, resource) < needOf(size, resource),
    );
    sentences.push(
      `No single instance has ${needText} free at the same time; ${describeInstance(
        closest,
      )} has the most CPU free but only ${short
        .map(resource => formatResource(resource, freeOf(closest, resource)))
        .join(' and ')}.`,
    );
  }

  return {
    fits: false,
    candidateCount: candidates.length,
    fittingCount: 0,
    additionalTasks: 0,
    shortResources: short,
    sentences: [...sentences, ...scalingSentences(service, providers, short)],
  };
}
