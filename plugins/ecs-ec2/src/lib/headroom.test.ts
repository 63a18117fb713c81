import {
  buildContainerInstance,
  buildService,
  buildTask,
  gpuServicePicture,
  healthyServicePicture,
  reserveTasksOnInstances,
} from '../testUtils';
import { checkHeadroom } from './headroom';

describe('checkHeadroom', () => {
  it('reports room and the number of further tasks', () => {
    const verdict = checkHeadroom(healthyServicePicture().services[0]);

    expect(verdict.fits).toBe(true);
    expect(verdict.fittingCount).toBe(3);
    expect(verdict.sentences[0]).toContain('3 of 3 active instances have room');
  });

  it('names GPUs as the short resource', () => {
    const verdict = checkHeadroom(gpuServicePicture().services[0]);

    expect(verdict.fits).toBe(false);
    expect(verdict.shortResources).toEqual(['gpu']);
  });

  it('explains resources that are free only on different instances', () => {
    const instances = [
      buildContainerInstance({
        ec2InstanceId: 'i-0cpu',
        registered: { cpu: 4096, memoryMiB: 1024, gpus: 0 },
      }),
      buildContainerInstance({
        ec2InstanceId: 'i-0memory',
        registered: { cpu: 256, memoryMiB: 16384, gpus: 0 },
      }),
    ];
    const service = buildService({
      serviceName: 'split',
      taskSize: { cpu: 1024, memoryMiB: 2048, gpus: 0 },
      containerInstances: instances,
    });

    const verdict = checkHeadroom(service);

    expect(verdict.fits).toBe(false);
    expect(verdict.shortResources).toEqual(['memory']);
    expect(verdict.sentences[0]).toBe(
      'No single instance has 1 vCPU, 2 GiB memory free at the same time; i-0cpu (m6i.large) has the most CPU free but only 1 GiB memory.',
    );
  });

  it('skips instances outside the strategy and draining instances', () => {
    const instances = [
      buildContainerInstance({
        ec2InstanceId: 'i-0other',
        capacityProviderName: 'other-pool',
      }),
      buildContainerInstance({
        ec2InstanceId: 'i-0draining',
        status: 'DRAINING',
      }),
    ];
    const service = buildService({
      serviceName: 'strict',
      containerInstances: instances,
    });

    const verdict = checkHeadroom(service);

    expect(verdict.fits).toBe(false);
    expect(verdict.candidateCount).toBe(0);
    expect(verdict.sentences[0]).toContain(
      'No ACTIVE container instance is registered in demo-on-demand',
    );
  });

  it('respects distinctInstance placement constraints', () => {
    const instance = buildContainerInstance({ ec2InstanceId: 'i-0only' });
    const task = buildTask({
      taskId: 'one',
      containerInstanceArn: instance.containerInstanceArn,
    });
    const service = buildService({
      serviceName: 'distinct',
      tasks: [task],
      containerInstances: reserveTasksOnInstances([instance], [task]),
    });
    service.launch.placementConstraints = [{ type: 'distinctInstance' }];

    expect(checkHeadroom(service).fits).toBe(false);
  });
});
