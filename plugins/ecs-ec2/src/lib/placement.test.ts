import {
  buildCapacityProvider,
  buildContainerInstance,
  buildService,
} from '../testUtils';
import { groupPlacement, lifecycleOfInstance } from './placement';

const unreported = buildContainerInstance({
  ec2InstanceId: 'i-0nolifecycle',
  lifecycle: undefined,
  capacityProviderName: 'demo',
});

function providerWith(
  group: Partial<
    NonNullable<ReturnType<typeof buildCapacityProvider>['autoScalingGroup']>
  >,
) {
  const provider = buildCapacityProvider({ name: 'demo' });
  return {
    ...provider,
    autoScalingGroup: { ...provider.autoScalingGroup!, ...group },
  };
}

describe('lifecycleOfInstance', () => {
  it('keeps the lifecycle the ECS agent reports', () => {
    expect(
      lifecycleOfInstance({ ...unreported, lifecycle: 'SPOT' }, [
        providerWith({ spotCount: 0 }),
      ]),
    ).toBe('SPOT');
  });

  it('infers On-Demand from a group without Spot instances or a Spot mix', () => {
    expect(
      lifecycleOfInstance(unreported, [providerWith({ spotCount: 0 })]),
    ).toBe('ON_DEMAND');
  });

  it('infers Spot from a group whose mix keeps no On-Demand instance', () => {
    expect(
      lifecycleOfInstance(unreported, [
        providerWith({
          spotCount: 3,
          onDemandCount: 0,
          unknownLifecycleCount: 0,
          onDemandBaseCapacity: 0,
          onDemandPercentageAboveBaseCapacity: 0,
        }),
      ]),
    ).toBe('SPOT');
  });

  it('leaves the lifecycle undefined for a group that mixes Spot and On-Demand', () => {
    expect(
      lifecycleOfInstance(unreported, [
        providerWith({
          spotCount: 0,
          onDemandCount: 3,
          unknownLifecycleCount: 0,
          onDemandBaseCapacity: 1,
          onDemandPercentageAboveBaseCapacity: 50,
        }),
      ]),
    ).toBeUndefined();
    expect(
      lifecycleOfInstance(unreported, [
        providerWith({ spotCount: 2, onDemandCount: 1 }),
      ]),
    ).toBeUndefined();
  });

  it('leaves the lifecycle undefined without an Auto Scaling group', () => {
    expect(
      lifecycleOfInstance(unreported, [
        {
          ...buildCapacityProvider({ name: 'demo' }),
          autoScalingGroup: undefined,
        },
      ]),
    ).toBeUndefined();
  });
});

describe('groupPlacement', () => {
  it('places each instance with its inferred lifecycle', () => {
    const service = buildService({
      serviceName: 'web',
      containerInstances: [unreported],
      capacityProviders: [providerWith({ spotCount: 0 })],
    });
    expect(groupPlacement(service)[0].instances[0].lifecycle).toBe('ON_DEMAND');
  });
});
