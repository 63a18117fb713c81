import { ContainerInstance, Service } from '@aws-sdk/client-ecs';
import { EcsServiceView } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { MetricSubject } from './MetricCollector';

export function serviceSubject(clusterName: string, serviceName: string): MetricSubject {
  return { kind: 'service', clusterName, serviceName };
}

export function instanceSubject(
  clusterName: string,
  instance: { containerInstanceArn?: string; ec2InstanceId?: string },
): MetricSubject {
  return {
    kind: 'instance',
    clusterName,
    containerInstanceId: instance.containerInstanceArn?.split('/').pop() ?? '',
    ec2InstanceId: instance.ec2InstanceId ?? '',
  };
}

export function providerSubject(clusterName: string, capacityProviderName: string): MetricSubject {
  return { kind: 'capacityProvider', clusterName, capacityProviderName };
}

/** Everything a finished service view shows metrics for. */
export function metricSubjects(clusterName: string, view: EcsServiceView): MetricSubject[] {
  return [
    serviceSubject(clusterName, view.serviceName),
    ...view.containerInstances.map(instance => instanceSubject(clusterName, instance)),
    ...view.capacityProviders.map(provider => providerSubject(clusterName, provider.name)),
  ];
}

/**
 * Lists the metric subjects the service views will show, before any task is read: the
 * services, the capacity providers of their strategies and those providers' instances.
 * `complete` is true when the tasks cannot add a subject. ECS places a service's tasks
 * only on the capacity providers of its strategy, so this is true when every service
 * has a strategy. A service on the EC2 launch type may run on any instance.
 */
export function expectedMetricSubjects(
  clusterName: string,
  services: Service[],
  instances: ContainerInstance[],
): { subjects: MetricSubject[]; complete: boolean } {
  const providers = new Set(
    services.flatMap(service =>
      (service.capacityProviderStrategy ?? []).map(item => item.capacityProvider ?? ''),
    ),
  );
  providers.delete('');
  return {
    subjects: [
      ...services.map(service => serviceSubject(clusterName, service.serviceName ?? '')),
      ...instances
        .filter(instance => providers.has(instance.capacityProviderName ?? ''))
        .map(instance => instanceSubject(clusterName, instance)),
      ...[...providers].sort().map(name => providerSubject(clusterName, name)),
    ],
    complete: services.every(service => (service.capacityProviderStrategy ?? []).length > 0),
  };
}
