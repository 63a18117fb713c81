import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  Service,
  TaskDefinition,
} from '@aws-sdk/client-ecs';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  EcsServiceView,
  EcsWarning,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { AwsAccountRegionClients } from '../aws/AwsClients';
import { warningFromError } from '../aws/awsWarnings';
import { fetchCapacityProviders } from './fetchCapacityProviders';
import { fetchContainerInstances } from './fetchContainerInstances';
import { fetchDeploymentHistory } from './fetchDeploymentHistory';
import { MetricCollector, subjectKey } from './MetricCollector';
import {
  expectedMetricSubjects,
  instanceSubject,
  metricSubjects,
  providerSubject,
  serviceSubject,
} from './metricSubjects';
import { fetchTasks } from './fetchTasks';
import { assembleService } from './assembleService';
import { ServiceTarget } from './serviceTargets';

/** DescribeServices takes at most 10 services per call. */
const SERVICES_PER_CALL = 10;

/** Services of one cluster in one account and region, fetched together. */
export interface ClusterGroup {
  accountId: string;
  region: string;
  clusterName: string;
  targets: ServiceTarget[];
}

export interface ClusterServices {
  services: EcsServiceView[];
  warnings: EcsWarning[];
}

async function describeServices(
  clients: AwsAccountRegionClients,
  group: ClusterGroup,
  logger: LoggerService,
): Promise<{ services: Map<string, Service>; warnings: EcsWarning[] }> {
  const services = new Map<string, Service>();
  const warnings: EcsWarning[] = [];
  const batches: ServiceTarget[][] = [];
  for (let i = 0; i < group.targets.length; i += SERVICES_PER_CALL) {
    batches.push(group.targets.slice(i, i + SERVICES_PER_CALL));
  }

  await Promise.all(
    batches.map(async batch => {
      try {
        const output = await clients.run(() =>
          clients.ecs.send(
            new DescribeServicesCommand({
              cluster: group.clusterName,
              services: batch.map(target => target.serviceName),
            }),
          ),
        );
        for (const service of output.services ?? []) {
          services.set(service.serviceName ?? '', service);
        }
      } catch (error) {
        for (const target of batch) {
          warnings.push(
            warningFromError(error, `Service ${target.serviceName}`, logger, target.serviceArn),
          );
        }
      }
    }),
  );

  for (const target of group.targets) {
    if (!services.has(target.serviceName) && !warnings.some(w => w.serviceArn === target.serviceArn)) {
      warnings.push({
        code: 'NOT_FOUND',
        part: `Service ${target.serviceName}`,
        message: `Service ${target.serviceName} was not found in cluster ${group.clusterName} (${target.region}). Check the service ARN in the entity annotations.`,
        serviceArn: target.serviceArn,
      });
    }
  }
  return { services, warnings };
}

async function describeTaskDefinitions(
  clients: AwsAccountRegionClients,
  arns: string[],
  logger: LoggerService,
): Promise<{ taskDefinitions: Map<string, TaskDefinition>; warnings: EcsWarning[] }> {
  const taskDefinitions = new Map<string, TaskDefinition>();
  const warnings: EcsWarning[] = [];
  // DescribeTaskDefinition takes one task definition per call.
  await Promise.all(
    arns.map(async taskDefinition => {
      try {
        const output = await clients.run(() =>
          clients.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition })),
        );
        if (output.taskDefinition) taskDefinitions.set(taskDefinition, output.taskDefinition);
      } catch (error) {
        warnings.push(warningFromError(error, `Task definition ${taskDefinition.split('/').pop()}`, logger));
      }
    }),
  );
  return { taskDefinitions, warnings };
}

/**
 * Fetches everything the picture shows for the services of one cluster. Calls that
 * do not depend on each other start together: the task lists, the container
 * instance list, the service descriptions and the deployment histories. The metric
 * queries start once the services and instances are known, without waiting for the
 * task pages, which take longest on a large service.
 */
export async function fetchClusterServices(
  clients: AwsAccountRegionClients,
  group: ClusterGroup,
  logger: LoggerService,
  now: Date,
): Promise<ClusterServices> {
  const servicesPromise = describeServices(clients, group, logger);
  const tasksPromise = fetchTasks(clients, group.clusterName, group.targets, logger);
  const instancesPromise = fetchContainerInstances(clients, group.clusterName, logger);
  const historyPromise = Promise.all(
    group.targets.map(target => fetchDeploymentHistory(clients, target, logger)),
  );

  const described = await servicesPromise;
  if (described.services.size === 0) {
    // Without the services there is nothing to show; the other calls most likely
    // failed the same way, and their warnings would only repeat this one.
    await Promise.allSettled([tasksPromise, instancesPromise, historyPromise]);
    return { services: [], warnings: described.warnings };
  }

  const primaryTaskDefinitions = [
    ...new Set(
      [...described.services.values()]
        .map(service =>
          service.deployments?.find(d => d.status === 'PRIMARY')?.taskDefinition ??
          service.taskDefinition,
        )
        .filter((arn): arn is string => Boolean(arn)),
    ),
  ];
  const taskDefinitionsPromise = describeTaskDefinitions(clients, primaryTaskDefinitions, logger);

  // Capacity providers are described as soon as the instances are known, without
  // waiting for the (longer) task lists: the cluster's providers are a superset of
  // the ones the services use, and one call describes up to 100 of them.
  const instances = await instancesPromise;
  const providerNames = [
    ...new Set([
      ...[...described.services.values()].flatMap(service =>
        (service.capacityProviderStrategy ?? []).map(item => item.capacityProvider ?? ''),
      ),
      ...instances.instances.map(instance => instance.capacityProviderName ?? ''),
    ]),
  ].filter(Boolean);
  const capacityProvidersPromise = fetchCapacityProviders(
    clients,
    group.clusterName,
    providerNames,
    logger,
  );

  // Metric queries for the subjects known so far start while the task pages are still
  // being read. When the tasks cannot add a subject, the last partial batch goes too.
  const metrics = new MetricCollector(clients, group.clusterName, now, logger);
  const expected = expectedMetricSubjects(
    group.clusterName,
    [...described.services.values()],
    instances.instances,
  );
  metrics.add(expected.subjects);
  if (expected.complete) metrics.flush();

  const tasks = await tasksPromise;
  const [capacityProviders, history, taskDefinitions] = await Promise.all([
    capacityProvidersPromise,
    historyPromise,
    taskDefinitionsPromise,
  ]);

  const drafts = group.targets
    .filter(target => described.services.has(target.serviceName))
    .map(target =>
      assembleService({
        target,
        service: described.services.get(target.serviceName)!,
        tasks: tasks.tasksByService.get(target.serviceName) ?? [],
        taskFailures: tasks.failuresByService.get(target.serviceName) ?? [],
        instances: instances.instances,
        capacityProviders,
        history: history[group.targets.indexOf(target)]?.entries ?? [],
        taskDefinitions: taskDefinitions.taskDefinitions,
        now,
      }),
    );

  // Adds what the tasks revealed beyond the expected subjects, normally nothing.
  const fetchedMetrics = await metrics.finish(
    drafts.flatMap(draft => metricSubjects(group.clusterName, draft.view)),
  );

  for (const draft of drafts) {
    const { view } = draft;
    view.metrics.service =
      fetchedMetrics.utilization.get(subjectKey(serviceSubject(group.clusterName, view.serviceName))) ??
      view.metrics.service;
    for (const instance of view.containerInstances) {
      const series = fetchedMetrics.utilization.get(subjectKey(instanceSubject(group.clusterName, instance)));
      if (series) instance.metrics = series;
    }
    for (const provider of view.capacityProviders) {
      const reservation = fetchedMetrics.reservation.get(
        subjectKey(providerSubject(group.clusterName, provider.name)),
      );
      if (reservation !== undefined) provider.currentReservation = reservation;
    }
  }

  return {
    services: drafts.map(draft => draft.view),
    warnings: [
      ...described.warnings,
      ...tasks.warnings,
      ...instances.warnings,
      ...capacityProviders.warnings,
      ...history.flatMap(entry => entry.warnings),
      ...taskDefinitions.warnings,
      ...drafts.flatMap(draft => draft.warnings),
      ...fetchedMetrics.warnings,
    ],
  };
}
