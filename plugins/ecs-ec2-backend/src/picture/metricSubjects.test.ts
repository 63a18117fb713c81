import { ContainerInstance, Service } from '@aws-sdk/client-ecs';
import { expectedMetricSubjects } from './metricSubjects';

const instance = (id: string, capacityProviderName?: string): ContainerInstance => ({
  containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/demo/${id}`,
  ec2InstanceId: `i-${id}`,
  capacityProviderName,
});

const instances = [instance('a', 'on-demand'), instance('b', 'spot'), instance('c')];

describe('expectedMetricSubjects', () => {
  it('is complete when every service has a capacity provider strategy', () => {
    const services: Service[] = [
      { serviceName: 'web', capacityProviderStrategy: [{ capacityProvider: 'on-demand', weight: 1 }] },
    ];
    const { subjects, complete } = expectedMetricSubjects('demo', services, instances);

    expect(complete).toBe(true);
    expect(subjects).toEqual([
      { kind: 'service', clusterName: 'demo', serviceName: 'web' },
      { kind: 'instance', clusterName: 'demo', containerInstanceId: 'a', ec2InstanceId: 'i-a' },
      { kind: 'capacityProvider', clusterName: 'demo', capacityProviderName: 'on-demand' },
    ]);
  });

  it('is incomplete when a service runs on the EC2 launch type', () => {
    const services: Service[] = [
      { serviceName: 'web', capacityProviderStrategy: [{ capacityProvider: 'spot', weight: 1 }] },
      { serviceName: 'legacy', launchType: 'EC2' },
    ];
    const { subjects, complete } = expectedMetricSubjects('demo', services, instances);

    // The launch type service may run on any instance, so only its tasks show which.
    expect(complete).toBe(false);
    expect(subjects.map(subject => subject.kind)).toEqual([
      'service',
      'service',
      'instance',
      'capacityProvider',
    ]);
  });
});
