import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { sdkClients } from '../__testUtils__/clients';
import { buildWorld } from '../scenario/buildWorld';
import type { Scenario } from '../scenario/types';
import { startSimulator } from '../startSimulator';

/** One pool of five instances: one On-Demand base, then half On-Demand above it. */
const scenario: Scenario = {
  clusters: [
    {
      name: 'mixed',
      capacityProviders: [
        {
          name: 'mixed-pool',
          onDemandBaseCapacity: 1,
          onDemandPercentageAboveBaseCapacity: 50,
          instances: [{ type: 'm6i.large', count: 5 }],
        },
      ],
    },
  ],
};

describe('mixed instances distribution', () => {
  it('launches the base On-Demand, then half of the rest, rounded up', () => {
    const world = buildWorld(scenario, Date.UTC(2026, 0, 5));
    const cluster = [...world.allClusters()][0].cluster;
    const spot = [...cluster.instances.values()].map(instance => instance.spot);

    // Base 1 On-Demand; above it On-Demand, Spot, On-Demand, Spot.
    expect(spot).toEqual([false, false, true, false, true]);
  });

  it('reports the distribution in DescribeAutoScalingGroups', async () => {
    const simulator = await startSimulator({ scenario, clock: 'manual' });
    try {
      const { autoScaling } = sdkClients(simulator.url);
      const output = await autoScaling.send(new DescribeAutoScalingGroupsCommand({}));
      const group = output.AutoScalingGroups![0];

      expect(group.MixedInstancesPolicy?.InstancesDistribution).toMatchObject({
        OnDemandBaseCapacity: 1,
        OnDemandPercentageAboveBaseCapacity: 50,
      });
      expect(group.CapacityRebalance).toBe(true);
    } finally {
      await simulator.stop();
    }
  });
});
