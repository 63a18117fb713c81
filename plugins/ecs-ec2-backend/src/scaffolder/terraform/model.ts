import {
  canLaunchSpot,
  capacityProviderNameOf,
  capacityProviderStrategyOf,
  findInstanceType,
  onDemandSplitOf,
  type CapacityProviderStrategyItem,
  type InstancePool,
  type InstanceTypeFacts,
  type ServiceSpec,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { terraformIdentifier } from './names';

/** Public SSM parameters of the Amazon ECS-optimized Amazon Linux 2023 AMIs. */
export const ECS_AMI_PARAMETERS = {
  x86_64:
    '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id',
  arm64:
    '/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id',
  gpu: '/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id',
  neuron:
    '/aws/service/ecs/optimized-ami/amazon-linux-2023/neuron/recommended/image_id',
} as const;

/** A pool with everything the generator derives from it. */
export interface PoolModel {
  pool: InstancePool;
  /** Terraform resource name of the pool's launch template, group and capacity provider. */
  id: string;
  capacityProviderName: string;
  architecture: InstanceTypeFacts['architecture'];
  hasGpu: boolean;
  hasInferentia: boolean;
  canLaunchSpot: boolean;
  onDemandBase: number;
  onDemandPercentageAboveBase: number;
  /** The AMI: an id, or an SSM parameter (the ECS-optimized one by default). */
  ami: { id: string } | { ssmParameter: string };
}

export interface GenerationModel {
  spec: ServiceSpec;
  pools: PoolModel[];
  strategy: Array<CapacityProviderStrategyItem & { poolModel: PoolModel }>;
  /** Terraform identifier of the service's resources. */
  serviceId: string;
  /** Architecture shared by every pool the strategy uses, if there is one. */
  taskArchitecture?: InstanceTypeFacts['architecture'];
}

function poolModel(spec: ServiceSpec, pool: InstancePool): PoolModel {
  const facts = pool.instanceTypes
    .map(type => findInstanceType(type))
    .filter((found): found is InstanceTypeFacts => found !== undefined);
  const hasGpu = facts.some(found => found.gpuCount > 0);
  const hasInferentia = facts.some(found => (found.inferentiaChips ?? 0) > 0);
  const architecture = facts[0]?.architecture ?? 'x86_64';
  const split = onDemandSplitOf(pool);

  let ami: PoolModel['ami'];
  if (pool.ami?.id) {
    ami = { id: pool.ami.id };
  } else if (pool.ami?.ssmParameter) {
    ami = { ssmParameter: pool.ami.ssmParameter };
  } else if (hasGpu) {
    ami = { ssmParameter: ECS_AMI_PARAMETERS.gpu };
  } else if (hasInferentia) {
    ami = { ssmParameter: ECS_AMI_PARAMETERS.neuron };
  } else {
    ami = { ssmParameter: ECS_AMI_PARAMETERS[architecture] };
  }

  return {
    pool,
    id: terraformIdentifier(pool.name),
    capacityProviderName: capacityProviderNameOf(spec, pool),
    architecture,
    hasGpu,
    hasInferentia,
    canLaunchSpot: canLaunchSpot(pool),
    onDemandBase: split.base,
    onDemandPercentageAboveBase: split.percentageAboveBase,
    ami,
  };
}

/** Derives the generation model from a validated spec. */
export function buildModel(spec: ServiceSpec): GenerationModel {
  const pools = spec.pools.map(pool => poolModel(spec, pool));
  const byName = new Map(pools.map(model => [model.pool.name, model]));
  const strategy = capacityProviderStrategyOf(spec).map(item => ({
    ...item,
    poolModel: byName.get(item.pool)!,
  }));

  const architectures = new Set(
    strategy
      .filter(item => item.weight > 0 || item.base > 0)
      .map(item => item.poolModel.architecture),
  );
  return {
    spec,
    pools,
    strategy,
    serviceId: 'this',
    taskArchitecture:
      architectures.size === 1 ? [...architectures][0] : undefined,
  };
}
