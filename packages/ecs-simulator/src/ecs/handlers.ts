import { AwsError, invalidParameter } from '../protocol/errors';
import { paginate } from '../protocol/pagination';
import type { OperationHandler, RequestContext } from '../protocol/context';
import { resourceName } from '../world/arns';
import { matchesExpression } from '../world/attributes';
import type { ClusterRecord, ServiceRecord, TaskRecord } from '../world/types';
import {
  capacityProviderShape,
  clusterShape,
  containerInstanceShape,
  findServiceRevision,
  serviceDeploymentBriefShape,
  serviceDeploymentShape,
  serviceRevisionShape,
  serviceShape,
  taskDefinitionShape,
  taskShape,
} from './shapes';
import { ecsMutations } from './mutations';

/** Finds a cluster by name or ARN; ECS uses `default` when the request names none. */
export function requireCluster(context: RequestContext, reference: string | undefined): ClusterRecord {
  const cluster = context.region.clusters.get(resourceName(reference ?? 'default'));
  if (!cluster) {
    throw new AwsError('ClusterNotFoundException', 'Cluster not found.');
  }
  return cluster;
}

function requireService(cluster: ClusterRecord, reference: string): ServiceRecord {
  const service = cluster.services.get(resourceName(reference));
  if (!service || service.status === 'INACTIVE') {
    throw new AwsError('ServiceNotFoundException', 'Service not found.');
  }
  return service;
}

function requireList(input: Record<string, any>, member: string, max: number): string[] {
  const values = input[member];
  if (!Array.isArray(values) || values.length === 0) {
    throw invalidParameter(`${member} can not be empty.`);
  }
  if (values.length > max) {
    throw invalidParameter(`${member} can have at most ${max} items.`);
  }
  return values;
}

/** The ECS operations the simulator implements, by operation name. */
export const ecsHandlers: Record<string, OperationHandler> = {
  ListClusters(context, input) {
    const clusters = [...context.region.clusters.values()].map(c => c.arn);
    const { page, nextToken } = paginate(clusters, {
      ...input,
      defaultMaxResults: 100,
      maxMaxResults: 100,
      scope: 'ListClusters',
    });
    return { clusterArns: page, nextToken };
  },

  DescribeClusters(context, input) {
    const include: string[] = input.include ?? [];
    const references: string[] = input.clusters?.length ? input.clusters : ['default'];
    if (references.length > 100) {
      throw invalidParameter('clusters can have at most 100 items.');
    }
    const clusters = [];
    const failures = [];
    for (const reference of references) {
      const cluster = context.region.clusters.get(resourceName(reference));
      if (cluster) {
        clusters.push(clusterShape(cluster, include));
      } else {
        failures.push({ arn: reference.startsWith('arn:') ? reference : `arn:aws:ecs:${context.region.region}:${context.account}:cluster/${reference}`, reason: 'MISSING' });
      }
    }
    return { clusters, failures };
  },

  ListServices(context, input) {
    const cluster = requireCluster(context, input.cluster);
    const services = [...cluster.services.values()].filter(s => s.status !== 'INACTIVE').map(s => s.arn);
    // ListServices returns 10 services per page unless maxResults sets another size (at most 100).
    const { page, nextToken } = paginate(services, {
      ...input,
      defaultMaxResults: 10,
      maxMaxResults: 100,
      scope: `ListServices/${cluster.arn}`,
    });
    return { serviceArns: page, nextToken };
  },

  DescribeServices(context, input) {
    const cluster = requireCluster(context, input.cluster);
    // DescribeServices takes at most 10 services per call.
    const references = requireList(input, 'services', 10);
    const include: string[] = input.include ?? [];
    const services = [];
    const failures = [];
    for (const reference of references) {
      const service = cluster.services.get(resourceName(reference));
      if (service) {
        services.push(serviceShape(service, cluster, include));
      } else {
        failures.push({ arn: reference.startsWith('arn:') ? reference : `arn:aws:ecs:${cluster.region}:${cluster.account}:service/${cluster.name}/${reference}`, reason: 'MISSING' });
      }
    }
    return { services, failures };
  },

  ListTasks(context, input) {
    const cluster = requireCluster(context, input.cluster);
    const desiredStatus: string = input.desiredStatus ?? 'RUNNING';
    if (!['RUNNING', 'PENDING', 'STOPPED'].includes(desiredStatus)) {
      throw invalidParameter(`desiredStatus must be RUNNING, PENDING or STOPPED, got ${desiredStatus}.`);
    }

    let candidates: Iterable<TaskRecord>;
    if (input.serviceName) {
      const service = requireService(cluster, input.serviceName);
      // Stopped tasks are no longer in the service's index, so they come from the cluster list.
      candidates = desiredStatus === 'STOPPED' ? [...cluster.tasks.values()].filter(t => t.serviceName === service.name) : service.tasks;
    } else if (input.containerInstance) {
      const instance = cluster.instances.get(resourceName(input.containerInstance));
      if (!instance) {
        throw invalidParameter('The referenced container instance was not found.');
      }
      candidates = desiredStatus === 'STOPPED' ? [...cluster.tasks.values()].filter(t => t.instance === instance) : instance.tasks;
    } else {
      candidates = cluster.tasks.values();
    }

    const arns: string[] = [];
    for (const task of candidates) {
      const status = task.desiredStatus;
      if (desiredStatus === 'STOPPED' ? status !== 'STOPPED' : status !== 'RUNNING') continue;
      if (desiredStatus === 'PENDING' && task.lastStatus !== 'PENDING') continue;
      if (input.family && task.taskDefinition.family !== input.family) continue;
      if (input.startedBy && task.startedBy !== input.startedBy) continue;
      if (input.launchType && input.launchType !== 'EC2') continue;
      arns.push(task.arn);
    }
    const { page, nextToken } = paginate(arns, {
      ...input,
      defaultMaxResults: 100,
      maxMaxResults: 100,
      scope: `ListTasks/${cluster.arn}/${input.serviceName ?? ''}/${input.containerInstance ?? ''}/${desiredStatus}/${input.family ?? ''}/${input.startedBy ?? ''}`,
    });
    return { taskArns: page, nextToken };
  },

  DescribeTasks(context, input) {
    const cluster = requireCluster(context, input.cluster);
    // DescribeTasks takes at most 100 tasks per call.
    const references = requireList(input, 'tasks', 100);
    const include: string[] = input.include ?? [];
    const tasks = [];
    const failures = [];
    for (const reference of references) {
      const task = cluster.tasks.get(resourceName(reference));
      if (task) {
        tasks.push(taskShape(task, cluster, include));
      } else {
        failures.push({ arn: reference.startsWith('arn:') ? reference : `arn:aws:ecs:${cluster.region}:${cluster.account}:task/${cluster.name}/${reference}`, reason: 'MISSING' });
      }
    }
    return { tasks, failures };
  },

  ListContainerInstances(context, input) {
    const cluster = requireCluster(context, input.cluster);
    let instances = [...cluster.instances.values()];
    if (input.status) {
      instances = instances.filter(i => i.status === input.status);
    }
    if (input.filter) {
      try {
        instances = instances.filter(i => matchesExpression(input.filter, i));
      } catch (error) {
        throw invalidParameter((error as Error).message);
      }
    }
    const { page, nextToken } = paginate(
      instances.map(i => i.arn),
      {
        ...input,
        defaultMaxResults: 100,
        maxMaxResults: 100,
        scope: `ListContainerInstances/${cluster.arn}/${input.status ?? ''}/${input.filter ?? ''}`,
      },
    );
    return { containerInstanceArns: page, nextToken };
  },

  DescribeContainerInstances(context, input) {
    const cluster = requireCluster(context, input.cluster);
    // DescribeContainerInstances takes at most 100 container instances per call.
    const references = requireList(input, 'containerInstances', 100);
    const include: string[] = input.include ?? [];
    const containerInstances = [];
    const failures = [];
    for (const reference of references) {
      const instance = cluster.instances.get(resourceName(reference));
      if (instance) {
        containerInstances.push(containerInstanceShape(cluster, instance, include));
      } else {
        failures.push({ arn: reference.startsWith('arn:') ? reference : `arn:aws:ecs:${cluster.region}:${cluster.account}:container-instance/${cluster.name}/${reference}`, reason: 'MISSING' });
      }
    }
    return { containerInstances, failures };
  },

  DescribeCapacityProviders(context, input) {
    const include: string[] = input.include ?? [];
    const failures = [];
    let providers;
    if (input.capacityProviders?.length) {
      if (input.capacityProviders.length > 100) {
        throw invalidParameter('capacityProviders can have at most 100 items.');
      }
      providers = [];
      for (const reference of input.capacityProviders as string[]) {
        const provider = context.region.capacityProviders.get(resourceName(reference));
        if (provider) {
          providers.push(provider);
        } else {
          failures.push({ arn: reference, reason: 'MISSING' });
        }
      }
    } else if (input.cluster) {
      const cluster = requireCluster(context, input.cluster);
      providers = cluster.capacityProviders.map(n => context.region.capacityProviders.get(n)!).filter(Boolean);
    } else {
      providers = [...context.region.capacityProviders.values()];
    }
    // DescribeCapacityProviders pages 10 at a time and accepts at most 10.
    const { page, nextToken } = paginate(providers, {
      ...input,
      defaultMaxResults: 10,
      maxMaxResults: 10,
      scope: `DescribeCapacityProviders/${(input.capacityProviders ?? []).join(',')}/${input.cluster ?? ''}`,
    });
    return {
      capacityProviders: page.map(p => capacityProviderShape(context.region, p, include)),
      failures,
      nextToken,
    };
  },

  DescribeTaskDefinition(context, input) {
    if (!input.taskDefinition) {
      throw new AwsError('ClientException', 'taskDefinition can not be blank.');
    }
    const td = context.world.findTaskDefinition(context.region, input.taskDefinition);
    if (!td) {
      throw new AwsError('ClientException', 'Unable to describe task definition.');
    }
    const include: string[] = input.include ?? [];
    return {
      taskDefinition: taskDefinitionShape(td),
      tags: include.includes('TAGS') ? Object.entries(td.tags).map(([key, value]) => ({ key, value })) : undefined,
    };
  },

  ListServiceDeployments(context, input) {
    const cluster = requireCluster(context, input.cluster);
    if (!input.service) {
      throw invalidParameter('service can not be blank.');
    }
    const service = requireService(cluster, input.service);
    const statuses: string[] | undefined = input.status?.length ? input.status : undefined;
    const after = input.createdAt?.after !== undefined ? Number(input.createdAt.after) * 1000 : undefined;
    const before = input.createdAt?.before !== undefined ? Number(input.createdAt.before) * 1000 : undefined;
    const deployments = service.serviceDeployments.filter(
      sd =>
        (!statuses || statuses.includes(sd.status)) &&
        (after === undefined || sd.createdAt >= after) &&
        (before === undefined || sd.createdAt <= before),
    );
    const { page, nextToken } = paginate(deployments, {
      ...input,
      defaultMaxResults: 20,
      maxMaxResults: 100,
      scope: `ListServiceDeployments/${service.arn}/${(statuses ?? []).join(',')}/${after ?? ''}/${before ?? ''}`,
    });
    return { serviceDeployments: page.map(sd => serviceDeploymentBriefShape(service, cluster, sd)), nextToken };
  },

  DescribeServiceDeployments(context, input) {
    // DescribeServiceDeployments takes at most 20 ARNs per call.
    const references = requireList(input, 'serviceDeploymentArns', 20);
    const serviceDeployments = [];
    const failures = [];
    for (const arn of references) {
      const match = /^arn:aws:ecs:[^:]+:[^:]+:service-deployment\/([^/]+)\/([^/]+)\/[^/]+$/.exec(arn);
      const cluster = match ? context.region.clusters.get(match[1]) : undefined;
      const service = match ? cluster?.services.get(match[2]) : undefined;
      const sd = service?.serviceDeployments.find(d => d.arn === arn);
      if (cluster && service && sd) {
        serviceDeployments.push(serviceDeploymentShape(service, cluster, sd));
      } else {
        failures.push({ arn, reason: 'MISSING' });
      }
    }
    return { serviceDeployments, failures };
  },

  DescribeServiceRevisions(context, input) {
    // DescribeServiceRevisions takes at most 20 ARNs per call.
    const references = requireList(input, 'serviceRevisionArns', 20);
    const serviceRevisions = [];
    const failures = [];
    for (const arn of references) {
      const match = /^arn:aws:ecs:[^:]+:[^:]+:service-revision\/([^/]+)\/([^/]+)\/[^/]+$/.exec(arn);
      const cluster = match ? context.region.clusters.get(match[1]) : undefined;
      const service = match ? cluster?.services.get(match[2]) : undefined;
      const revision = service ? findServiceRevision(service, arn) : undefined;
      if (cluster && service && revision) {
        serviceRevisions.push(serviceRevisionShape(service, cluster, revision));
      } else {
        failures.push({ arn, reason: 'MISSING' });
      }
    }
    return { serviceRevisions, failures };
  },

  ListTagsForResource(context, input) {
    const arn: string = input.resourceArn ?? '';
    const match = /^arn:aws:ecs:[^:]+:[^:]+:([a-z-]+)\/(.+)$/.exec(arn);
    if (!match) {
      throw invalidParameter(`resourceArn ${arn} is not a valid ECS resource ARN.`);
    }
    const [, type, path] = match;
    const parts = path.split('/');
    let tags: Record<string, string> | undefined;
    if (type === 'cluster') {
      tags = context.region.clusters.get(parts[0])?.tags;
    } else if (type === 'service') {
      tags = context.region.clusters.get(parts[0])?.services.get(parts[1])?.tags;
    } else if (type === 'task') {
      tags = context.region.clusters.get(parts[0])?.tasks.get(parts[1])?.tags;
    } else if (type === 'task-definition') {
      tags = context.world.findTaskDefinition(context.region, arn)?.tags;
    } else if (type === 'capacity-provider') {
      tags = context.region.capacityProviders.get(parts[0])?.tags;
    } else if (type === 'container-instance') {
      tags = context.region.clusters.get(parts[0])?.instances.get(parts[1]) ? {} : undefined;
    }
    if (!tags) {
      throw invalidParameter(`The specified resource ${arn} was not found.`);
    }
    return { tags: Object.entries(tags).map(([key, value]) => ({ key, value })) };
  },

  ...ecsMutations,
};
