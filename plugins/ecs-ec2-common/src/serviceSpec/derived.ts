import type {
  CapacityProviderStrategyItem,
  InstancePool,
  ServiceSpec,
} from './schema';

/**
 * Returns the capacity provider name of a pool: the name given, or
 * `<service name>-<pool name>`.
 *
 * @public
 */
export function capacityProviderNameOf(
  spec: Pick<ServiceSpec, 'service'>,
  pool: Pick<InstancePool, 'name' | 'capacityProviderName'>,
): string {
  return pool.capacityProviderName ?? `${spec.service.name}-${pool.name}`;
}

/**
 * Returns the capacity provider strategy of the service: the one given, or
 * every pool with weight 1 and base 0.
 *
 * @public
 */
export function capacityProviderStrategyOf(
  spec: Pick<ServiceSpec, 'pools' | 'capacityProviderStrategy'>,
): CapacityProviderStrategyItem[] {
  if (spec.capacityProviderStrategy && spec.capacityProviderStrategy.length) {
    return spec.capacityProviderStrategy;
  }
  return spec.pools.map(pool => ({ pool: pool.name, weight: 1, base: 0 }));
}

/**
 * On-Demand base and percentage above base of a pool, with the defaults of its
 * purchase option: on-demand is 0 and 100, spot 0 and 0, mixed 0 and 50.
 *
 * @public
 */
export function onDemandSplitOf(pool: InstancePool): {
  base: number;
  percentageAboveBase: number;
} {
  const defaultPercentage = { 'on-demand': 100, spot: 0, mixed: 50 }[
    pool.purchaseOption
  ];
  return {
    base: pool.onDemandBaseCapacity ?? 0,
    percentageAboveBase:
      pool.onDemandPercentageAboveBaseCapacity ?? defaultPercentage,
  };
}

/**
 * Whether the Auto Scaling group of a pool can launch a Spot instance.
 *
 * @public
 */
export function canLaunchSpot(pool: InstancePool): boolean {
  if (pool.purchaseOption === 'on-demand') {
    return false;
  }
  return onDemandSplitOf(pool).percentageAboveBase < 100;
}
