import {
  EcsContainerInstanceView,
  EcsEntityPicture,
  EcsTaskView,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import {
  buildCapacityProvider,
  buildContainerInstance,
  buildDeployment,
  buildEntityPicture,
  buildService,
  buildTask,
  buildUtilizationSeries,
  reserveTasksOnInstances,
} from './fixtures';

const zones = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

function instanceArn(cluster: string, id: string, region = 'us-east-1') {
  return `arn:aws:ecs:${region}:123456789012:container-instance/${cluster}/${id}`;
}

/** web-api: 6 healthy tasks of revision 3 on three On-Demand instances in three zones. */
export function healthyServicePicture(): EcsEntityPicture {
  const types = ['m6i.large', 'm6i.xlarge', 'c6i.2xlarge'];
  const registered = [
    { cpu: 2048, memoryMiB: 7680, gpus: 0 },
    { cpu: 4096, memoryMiB: 15616, gpus: 0 },
    { cpu: 8192, memoryMiB: 15616, gpus: 0 },
  ];
  const instances = zones.map((zone, index) =>
    buildContainerInstance({
      ec2InstanceId: `i-0web00000000000${index}`,
      instanceType: types[index],
      availabilityZone: zone,
      registered: registered[index],
      metrics: buildUtilizationSeries(30 + index * 10, 50),
    }),
  );
  const tasks = Array.from({ length: 6 }, (_, index) => {
    const instance = instances[index % 3];
    return buildTask({
      taskId: `web0000000000000000000000${index}`,
      taskDefinitionRevision: 3,
      availabilityZone: instance.availabilityZone,
      containerInstanceArn: instance.containerInstanceArn,
      ec2InstanceId: instance.ec2InstanceId,
      instanceType: instance.instanceType,
      lifecycle: 'ON_DEMAND',
      cpu: 512,
      memoryMiB: 1024,
      deploymentId: 'ecs-svc/1000000000000000001',
    });
  });
  return buildEntityPicture([
    buildService({
      serviceName: 'web-api',
      taskDefinitionRevision: 3,
      taskSize: { cpu: 512, memoryMiB: 1024, gpus: 0 },
      tasks,
      containerInstances: reserveTasksOnInstances(instances, tasks),
    }),
  ]);
}

/** idle-reports: desired 0, no tasks, one empty instance. */
export function idleServicePicture(): EcsEntityPicture {
  const instance = buildContainerInstance({
    ec2InstanceId: 'i-0idle0000000000',
  });
  return buildEntityPicture(
    [
      buildService({
        serviceName: 'idle-reports',
        tasks: [],
        containerInstances: [instance],
        events: [],
      }),
    ],
    { entityRef: 'component:default/idle-reports' },
  );
}

/**
 * payments: revision 42 failed (its container exits with code 1) and the circuit
 * breaker rolled back to 41, which now runs 3 tasks and reports COMPLETED.
 */
export function rolledBackServicePicture(): EcsEntityPicture {
  const instances = zones.map((zone, index) =>
    buildContainerInstance({
      ec2InstanceId: `i-0pay00000000000${index}`,
      availabilityZone: zone,
    }),
  );
  const running = instances.map((instance, index) =>
    buildTask({
      taskId: `pay41000000000000000000000${index}`,
      taskDefinitionRevision: 41,
      deploymentId: 'ecs-svc/4100000000000000041',
      availabilityZone: instance.availabilityZone,
      containerInstanceArn: instance.containerInstanceArn,
      ec2InstanceId: instance.ec2InstanceId,
      instanceType: instance.instanceType,
      lifecycle: 'ON_DEMAND',
    }),
  );
  const stopped = [0, 1, 2].map(index =>
    buildTask({
      taskId: `pay42000000000000000000000${index}`,
      taskDefinitionRevision: 42,
      deploymentId: 'ecs-svc/4200000000000000042',
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      healthStatus: 'UNKNOWN',
      availabilityZone: instances[index].availabilityZone,
      containerInstanceArn: instances[index].containerInstanceArn,
      ec2InstanceId: instances[index].ec2InstanceId,
      stoppedAt: '2026-01-15T11:40:00.000Z',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      containers: [
        {
          name: 'payments',
          lastStatus: 'STOPPED',
          exitCode: 1,
          reason: 'Error: payment gateway URL missing',
          gpuIds: [],
        },
      ],
    }),
  );

  return buildEntityPicture(
    [
      buildService({
        serviceName: 'payments',
        taskDefinitionRevision: 41,
        tasks: [...running, ...stopped],
        containerInstances: reserveTasksOnInstances(instances, running),
        deployments: [
          buildDeployment({
            id: 'ecs-svc/4100000000000000041',
            status: 'PRIMARY',
            taskDefinitionRevision: 41,
            rolloutState: 'COMPLETED',
            rolloutStateReason:
              'ECS deployment ecs-svc/4100000000000000041 completed.',
            desiredCount: 3,
            runningCount: 3,
          }),
          buildDeployment({
            id: 'ecs-svc/4200000000000000042',
            status: 'ACTIVE',
            taskDefinitionRevision: 42,
            rolloutState: 'FAILED',
            rolloutStateReason:
              'ECS deployment circuit breaker: tasks failed to start.',
            desiredCount: 0,
            runningCount: 0,
            failedTasks: 3,
            history: {
              serviceDeploymentArn:
                'arn:aws:ecs:us-east-1:123456789012:service-deployment/demo/payments/42',
              status: 'ROLLBACK_SUCCESSFUL',
              statusReason: 'Rolled back to revision 41.',
              targetTaskDefinitionRevision: 42,
              rolledBackToRevision: 41,
            },
          }),
        ],
        events: [
          {
            id: 'event-3',
            createdAt: '2026-01-15T11:45:00.000Z',
            message:
              '(service payments) rolling back to deployment ecs-svc/4100000000000000041.',
          },
          {
            id: 'event-2',
            createdAt: '2026-01-15T11:41:00.000Z',
            message:
              '(service payments) (deployment ecs-svc/4200000000000000042) deployment failed: tasks failed to start.',
          },
        ],
      }),
    ],
    { entityRef: 'component:default/payments' },
  );
}

/**
 * gpu-inference: 6 tasks with one GPU each on g4dn.xlarge and g5.xlarge instances,
 * every GPU in use, and tasks that need 1 GPU. The Spot group is at its max.
 */
export function gpuServicePicture(): EcsEntityPicture {
  const providers = ['ml-gpu-spot', 'ml-gpu-on-demand'];
  const instances: EcsContainerInstanceView[] = Array.from(
    { length: 6 },
    (_, index) =>
      buildContainerInstance({
        ec2InstanceId: `i-0gpu00000000000${index}`,
        containerInstanceArn: instanceArn(
          'ml-inference',
          `gpu${index}`,
          'us-west-2',
        ),
        instanceType: index % 2 === 0 ? 'g4dn.xlarge' : 'g5.xlarge',
        availabilityZone: index < 3 ? 'us-west-2a' : 'us-west-2b',
        lifecycle: index < 3 ? 'SPOT' : 'ON_DEMAND',
        capacityProviderName: providers[index < 3 ? 0 : 1],
        registered: { cpu: 4096, memoryMiB: 15360, gpus: 1 },
      }),
  );
  const tasks: EcsTaskView[] = instances.map((instance, index) =>
    buildTask({
      taskId: `gpu0000000000000000000000${index}`,
      taskDefinitionRevision: 5,
      availabilityZone: instance.availabilityZone,
      containerInstanceArn: instance.containerInstanceArn,
      ec2InstanceId: instance.ec2InstanceId,
      instanceType: instance.instanceType,
      lifecycle: instance.lifecycle,
      capacityProviderName: instance.capacityProviderName,
      cpu: 1024,
      memoryMiB: 4096,
      gpuIds: [`GPU-${index}a1b2c3d4`],
    }),
  );

  return buildEntityPicture(
    [
      buildService({
        serviceName: 'gpu-inference',
        clusterName: 'ml-inference',
        region: 'us-west-2',
        taskDefinitionRevision: 5,
        taskSize: { cpu: 1024, memoryMiB: 4096, gpus: 1 },
        tasks,
        containerInstances: reserveTasksOnInstances(instances, tasks),
        launch: {
          capacityProviderStrategy: [
            { capacityProvider: 'ml-gpu-spot', weight: 1, base: 0 },
            { capacityProvider: 'ml-gpu-on-demand', weight: 1, base: 0 },
          ],
          placementStrategy: [{ type: 'binpack', field: 'memory' }],
          placementConstraints: [],
          networkMode: 'awsvpc',
        },
        capacityProviders: [
          buildCapacityProvider({
            name: 'ml-gpu-spot',
            hasGpu: true,
            currentReservation: 100,
            autoScalingGroup: {
              name: 'ml-inference-ml-gpu-spot-asg',
              minSize: 0,
              maxSize: 3,
              desiredCapacity: 3,
              inServiceCount: 3,
              spotCount: 3,
              onDemandCount: 0,
              unknownLifecycleCount: 0,
              instanceTypes: ['g4dn.xlarge', 'g5.xlarge'],
              onDemandBaseCapacity: 0,
              onDemandPercentageAboveBaseCapacity: 0,
              spotAllocationStrategy: 'price-capacity-optimized',
            },
          }),
          buildCapacityProvider({
            name: 'ml-gpu-on-demand',
            hasGpu: true,
            currentReservation: 100,
            autoScalingGroup: {
              name: 'ml-inference-ml-gpu-on-demand-asg',
              minSize: 0,
              maxSize: 10,
              desiredCapacity: 3,
              inServiceCount: 3,
              spotCount: 0,
              onDemandCount: 3,
              unknownLifecycleCount: 0,
              instanceTypes: ['g4dn.xlarge', 'g5.xlarge'],
            },
          }),
        ],
      }),
    ],
    { entityRef: 'component:default/gpu-inference' },
  );
}

/**
 * A service with `taskCount` tasks spread round-robin over `instanceCount`
 * instances of 12 capacity providers that each span 3 zones, half of them
 * Spot, with a rollout from revision 7 to 8 in progress. It matches the size
 * of the `scale` simulator scenario.
 */
export function largeServicePicture(
  instanceCount = 400,
  taskCount = 2000,
): EcsEntityPicture {
  const providerNames = Array.from(
    { length: 12 },
    (_, index) => `scale-pool-${String(index + 1).padStart(2, '0')}`,
  );
  const instances = Array.from({ length: instanceCount }, (_, index) => {
    const id = `i-0${index.toString(16).padStart(15, '0')}`;
    return buildContainerInstance({
      ec2InstanceId: id,
      containerInstanceArn: instanceArn('scale', id),
      instanceType: index % 3 === 0 ? 'm6i.2xlarge' : 'm6i.xlarge',
      // Every capacity provider spans the three zones; odd pools are Spot.
      availabilityZone: zones[Math.floor(index / 12) % 3],
      capacityProviderName: providerNames[index % 12],
      lifecycle: index % 2 === 1 ? 'SPOT' : 'ON_DEMAND',
      registered:
        index % 3 === 0
          ? { cpu: 8192, memoryMiB: 31744, gpus: 0 }
          : { cpu: 4096, memoryMiB: 15616, gpus: 0 },
      metrics: index < 20 ? buildUtilizationSeries(40, 60) : undefined,
    });
  });
  const tasks = Array.from({ length: taskCount }, (_, index) => {
    const instance = instances[index % instanceCount];
    const revision = index % 4 === 0 ? 8 : 7;
    return buildTask({
      taskId: `bulk${index.toString(16).padStart(28, '0')}`,
      taskDefinitionRevision: revision,
      deploymentId: `ecs-svc/${revision}`,
      healthStatus: index % 97 === 0 ? 'UNHEALTHY' : 'HEALTHY',
      availabilityZone: instance.availabilityZone,
      containerInstanceArn: instance.containerInstanceArn,
      ec2InstanceId: instance.ec2InstanceId,
      instanceType: instance.instanceType,
      lifecycle: instance.lifecycle,
      capacityProviderName: instance.capacityProviderName,
      cpu: 512,
      memoryMiB: 1024,
    });
  });

  return buildEntityPicture(
    [
      buildService({
        serviceName: 'bulk',
        clusterName: 'scale',
        taskDefinitionRevision: 8,
        taskSize: { cpu: 512, memoryMiB: 1024, gpus: 0 },
        tasks,
        containerInstances: reserveTasksOnInstances(instances, tasks),
        launch: {
          capacityProviderStrategy: providerNames.map(name => ({
            capacityProvider: name,
            weight: 1,
            base: 0,
          })),
          placementStrategy: [
            { type: 'spread', field: 'attribute:ecs.availability-zone' },
            { type: 'binpack', field: 'memory' },
          ],
          placementConstraints: [],
          networkMode: 'bridge',
        },
        deployments: [
          buildDeployment({
            id: 'ecs-svc/8',
            status: 'PRIMARY',
            taskDefinitionRevision: 8,
            rolloutState: 'IN_PROGRESS',
            rolloutStateReason: 'ECS deployment ecs-svc/8 in progress.',
            desiredCount: taskCount,
            runningCount: Math.ceil(taskCount / 4),
          }),
          buildDeployment({
            id: 'ecs-svc/7',
            status: 'ACTIVE',
            taskDefinitionRevision: 7,
            desiredCount: taskCount - Math.ceil(taskCount / 4),
            runningCount: taskCount - Math.ceil(taskCount / 4),
          }),
        ],
        capacityProviders: providerNames.map(name =>
          buildCapacityProvider({
            name,
            currentReservation: 85,
            targetCapacity: 90,
          }),
        ),
      }),
    ],
    { entityRef: 'component:default/bulk' },
  );
}
