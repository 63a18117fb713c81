import { SeededRandom } from '../random';
import type { Scenario, ScenarioCapacityProvider, ScenarioService } from './types';

const SCALE_INSTANCE_TYPES = ['m6i.xlarge', 'm6i.2xlarge', 'c6i.2xlarge', 'r6i.xlarge'];

/**
 * Generates the scale scenario: cluster `scale` in us-east-1 with 400 container instances over
 * 12 capacity providers and 3 zones, and 25 services. Service `bulk` runs 2,000 tasks spread
 * over all instances; the other 24 run a few tasks or none. The same seed gives the same scenario.
 */
export function scaleScenario(seed = 'scale'): Scenario {
  const random = new SeededRandom(seed);
  const capacityProviders: ScenarioCapacityProvider[] = [];
  for (let p = 0; p < 12; p++) {
    // 4 providers hold 34 instances and 8 hold 33: 400 in total.
    const count = p < 4 ? 34 : 33;
    const spot = p % 3 === 2;
    capacityProviders.push({
      name: `scale-pool-${String(p + 1).padStart(2, '0')}${spot ? '-spot' : ''}`,
      spot,
      targetCapacity: 90,
      minSize: count,
      maxSize: count * 2,
      instances: [{ type: SCALE_INSTANCE_TYPES[p % SCALE_INSTANCE_TYPES.length], count }],
    });
  }

  const services: ScenarioService[] = [
    {
      name: 'bulk',
      taskDefinition: 'bulk:1',
      desiredCount: 2000,
      capacityProviderStrategy: capacityProviders.map(p => ({ capacityProvider: p.name, weight: 1 })),
      placementStrategy: [{ type: 'spread', field: 'instanceId' }],
      load: { cpu: 55, memory: 60 },
    },
  ];
  for (let s = 1; s < 25; s++) {
    services.push({
      name: `svc-${String(s).padStart(2, '0')}`,
      taskDefinition: `svc-${String(s).padStart(2, '0')}:1`,
      desiredCount: random.int(5),
      capacityProviderStrategy: [{ capacityProvider: capacityProviders[s % 12].name, weight: 1 }],
      load: { cpu: 10 + random.int(60), memory: 20 + random.int(60) },
    });
  }

  return {
    accounts: [{ id: '123456789012', accessKeyIds: ['SIMULATED'] }],
    clusters: [
      {
        name: 'scale',
        region: 'us-east-1',
        containerInsights: true,
        capacityProviders,
        taskDefinitions: services.map(service => ({
          family: service.taskDefinition.split(':')[0],
          revision: 1,
          containers: [{ name: 'app', image: `public.ecr.aws/scale/${service.name}:1`, cpu: 128, memory: 256 }],
        })),
        services,
      },
    ],
  };
}
