import {
  awsvpcTasksPerInstance,
  findInstanceType,
  registeredCpuUnits,
  registeredMemoryMiB,
  type InstanceTypeFacts,
} from '../instanceTypes';
import {
  canLaunchSpot,
  capacityProviderNameOf,
  capacityProviderStrategyOf,
} from './derived';
import {
  AMI_ID_PATTERN,
  AWS_ACCOUNT_ID_PATTERN,
  AWS_REGION_PATTERN,
  DYNAMODB_TABLE_PATTERN,
  ECS_NAME_PATTERN,
  ENVIRONMENT_NAME_PATTERN,
  SECRET_ENVIRONMENT_NAME_PATTERN,
  HEALTH_CHECK_LIMITS,
  IMAGE_PATTERN,
  INSTANCE_WARMUP_RANGE,
  LOG_RETENTION_DAYS,
  MAX_PLACEMENT_CONSTRAINTS,
  MIN_CONTAINER_MEMORY_MIB,
  MIN_TASK_CPU_UNITS,
  POOL_NAME_PATTERN,
  RESERVED_CAPACITY_PROVIDER_PREFIXES,
  ROOT_VOLUME_RANGE,
  S3_BUCKET_PATTERN,
  SCALING_STEP_RANGE,
  SSM_PARAMETER_MAX_LENGTH,
  SSM_PARAMETER_PATTERN,
  STRATEGY_BASE_RANGE,
  STRATEGY_MAX_ITEMS,
  STRATEGY_WEIGHT_RANGE,
  MAX_CAPACITY_PROVIDERS_PER_CLUSTER,
  MAX_CONTAINER_INSTANCES_PER_CLUSTER,
} from './rules';
import {
  serviceSpecSchema,
  type InstancePool,
  type ServiceSpec,
} from './schema';
import { fieldsOfSchema, messageOfIssue } from './issueMessages';

/**
 * One invalid field of a service spec.
 *
 * @public
 */
export interface ValidationProblem {
  /** Path of the field, for example `pools[1].capacityProviderName`. */
  field: string;
  /** Description of the problem and its fix. */
  message: string;
}

/**
 * Result of {@link parseServiceSpec}: the spec when valid, else the problems.
 *
 * @public
 */
export type ParsedServiceSpec =
  | { spec: ServiceSpec; problems: [] }
  | { spec?: undefined; problems: ValidationProblem[] };

type Report = (field: string, message: string) => void;

const fieldsOfSpec = fieldsOfSchema(serviceSpecSchema);

/**
 * Checks a parsed service spec against the AWS naming rules, limits and
 * cross-field rules, and returns every problem found (empty when valid).
 *
 * @public
 */
export function validateServiceSpec(spec: ServiceSpec): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const report: Report = (field, message) => problems.push({ field, message });

  checkNames(spec, report);
  checkAccount(spec, report);
  spec.pools.forEach((pool, index) =>
    checkPool(pool, `pools[${index}]`, report),
  );
  checkClusterQuotas(spec, report);
  checkStrategy(spec, report);
  checkTask(spec, report);
  checkFit(spec, report);
  checkDeployment(spec, report);
  checkDaemon(spec, report);
  checkStateBackend(spec, report);

  return problems;
}

/**
 * Parses raw input (form or API) with the schema and validates the result.
 * Type errors and rule violations come back as one list of problems.
 *
 * @public
 */
export function parseServiceSpec(input: unknown): ParsedServiceSpec {
  const parsed = serviceSpecSchema.safeParse(input);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map(issue =>
        messageOfIssue(issue, input, fieldsOfSpec),
      ),
    };
  }
  const problems = validateServiceSpec(parsed.data);
  return problems.length ? { problems } : { spec: parsed.data, problems: [] };
}

/**
 * Renders problems as one message, one `field: message` line each.
 *
 * @public
 */
export function formatValidationProblems(
  problems: ValidationProblem[],
): string {
  return problems
    .map(problem => `${problem.field}: ${problem.message}`)
    .join('\n');
}

function checkRange(
  report: Report,
  field: string,
  value: number,
  [min, max]: readonly [number, number],
  unit = '',
) {
  if (value < min || value > max) {
    report(
      field,
      `${value}${unit} is out of range: use ${min} to ${max}${unit}.`,
    );
  }
}

function checkEcsName(
  report: Report,
  field: string,
  value: string,
  what: string,
) {
  if (!ECS_NAME_PATTERN.test(value)) {
    report(
      field,
      `Invalid ${what} "${value}": use 1 to 255 letters, digits, "-" or "_".`,
    );
  }
}

function reservedPrefixOf(name: string): string | undefined {
  const lower = name.toLowerCase();
  return RESERVED_CAPACITY_PROVIDER_PREFIXES.find(prefix =>
    lower.startsWith(prefix),
  );
}

function checkNames(spec: ServiceSpec, report: Report) {
  checkEcsName(report, 'service.name', spec.service.name, 'ECS service name');
  checkEcsName(report, 'cluster.name', spec.cluster.name, 'ECS cluster name');
  if (!spec.service.owner.trim()) {
    report(
      'service.owner',
      'Missing owner: give the catalog reference of the owning group.',
    );
  }

  const poolIds = new Map<string, number>();
  const providerNames = new Map<string, string>();
  spec.pools.forEach((pool, index) => {
    const poolField = `pools[${index}]`;
    if (!POOL_NAME_PATTERN.test(pool.name)) {
      report(
        `${poolField}.name`,
        `Invalid pool name "${pool.name}": use 1 to 64 letters, digits, "-" or "_".`,
      );
    }

    // Pools become Terraform resource names in lower case with `-` as `_`,
    // so `Gpu-a` and `gpu_a` would collide there.
    const id = pool.name.toLowerCase().replace(/-/g, '_');
    if (poolIds.has(id)) {
      report(
        `${poolField}.name`,
        `Duplicate pool name "${pool.name}": pool names must differ even ignoring case and "-" versus "_".`,
      );
    }
    poolIds.set(id, index);

    checkCapacityProviderName(spec, pool, poolField, report, providerNames);
  });
}

/*
 * A capacity provider name is either given or derived as
 * `<service name>-<pool name>`. A derived name's problem is reported on the
 * field its invalid part came from, because that is the field to change.
 */
function checkCapacityProviderName(
  spec: ServiceSpec,
  pool: InstancePool,
  poolField: string,
  report: Report,
  seen: Map<string, string>,
) {
  const name = capacityProviderNameOf(spec, pool);
  const given = pool.capacityProviderName !== undefined;
  const nameField = `${poolField}.capacityProviderName`;
  const prefixField = given ? nameField : 'service.name';

  const prefix = reservedPrefixOf(name);
  if (prefix) {
    report(
      prefixField,
      given
        ? `Invalid capacity provider name "${name}": AWS rejects names that start with "aws", "ecs" or "fargate" in any letter case. Choose a name that does not start with "${name.slice(
            0,
            prefix.length,
          )}".`
        : `Invalid service name "${spec.service.name}" for the capacity provider name derived from it ("${name}"): AWS rejects capacity provider names that start with "aws", "ecs" or "fargate" in any letter case. Rename the service or set pools[].capacityProviderName.`,
    );
  }

  if (given && !ECS_NAME_PATTERN.test(name)) {
    report(
      nameField,
      `Invalid capacity provider name "${name}": use 1 to 255 letters, digits, "-" or "_".`,
    );
  }
  if (!given && name.length > 255) {
    report(
      'service.name',
      `The derived capacity provider name "${name}" is longer than 255 characters: shorten the service or pool name, or set pools[].capacityProviderName.`,
    );
  }

  const other = seen.get(name);
  if (other !== undefined) {
    report(
      given ? nameField : `${poolField}.name`,
      `Duplicate capacity provider name "${name}", also used by ${other}.`,
    );
  }
  seen.set(name, poolField);
}

function checkAccount(spec: ServiceSpec, report: Report) {
  if (!AWS_ACCOUNT_ID_PATTERN.test(spec.aws.accountId)) {
    report(
      'aws.accountId',
      `Invalid AWS account id "${spec.aws.accountId}": use 12 digits.`,
    );
  }
  if (!AWS_REGION_PATTERN.test(spec.aws.region)) {
    report(
      'aws.region',
      `Invalid AWS Region "${spec.aws.region}": use a Region code such as "eu-west-1".`,
    );
  }
}

function checkPool(pool: InstancePool, field: string, report: Report) {
  const known: InstanceTypeFacts[] = [];
  pool.instanceTypes.forEach((type, index) => {
    const facts = findInstanceType(type);
    if (!facts) {
      report(
        `${field}.instanceTypes[${index}]`,
        `Unknown instance type "${type}": choose a listed type (families t3, t3a, t4g, m5, m6i, m6a, m6g, m7i, m7g, c5, c6i, c6g, c7g, r5, r6i, r6g, g4dn, g5, g6, p3, p4d, inf2).`,
      );
    } else {
      known.push(facts);
    }
  });
  if (new Set(pool.instanceTypes).size !== pool.instanceTypes.length) {
    report(
      `${field}.instanceTypes`,
      'Duplicate instance types: list each type once.',
    );
  }

  // One launch template carries one AMI, and the AMI is per architecture and
  // per GPU support, so a pool cannot mix them.
  const architectures = new Set(known.map(facts => facts.architecture));
  if (architectures.size > 1) {
    report(
      `${field}.instanceTypes`,
      `Mixed architectures (${[...architectures].join(
        ', ',
      )}): one pool launches one AMI, so use one architecture per pool.`,
    );
  }
  const gpuKinds = new Set(known.map(facts => facts.gpuCount > 0));
  if (gpuKinds.size > 1) {
    report(
      `${field}.instanceTypes`,
      'Mixed GPU and non-GPU instance types: the GPU-optimized AMI differs, so put them in separate pools.',
    );
  }

  if (canLaunchSpot(pool) && pool.instanceTypes.length < 2) {
    report(
      `${field}.instanceTypes`,
      'Spot capacity needs several instance types (at least 2, better 3 or more) so the Auto Scaling group can fall back when one Spot pool is interrupted or empty.',
    );
  }
  checkOnDemandSplit(pool, field, report);

  if (pool.minSize < 0) {
    report(`${field}.minSize`, `${pool.minSize} is negative: use 0 or more.`);
  }
  if (pool.maxSize < 1) {
    report(`${field}.maxSize`, `${pool.maxSize} is too small: use 1 or more.`);
  }
  if (pool.minSize > pool.maxSize) {
    report(
      `${field}.minSize`,
      `minSize ${pool.minSize} is above maxSize ${pool.maxSize}.`,
    );
  }
  checkRange(
    report,
    `${field}.targetCapacity`,
    pool.targetCapacity,
    [1, 100],
    ' %',
  );
  checkRange(
    report,
    `${field}.minimumScalingStepSize`,
    pool.minimumScalingStepSize,
    SCALING_STEP_RANGE,
  );
  checkRange(
    report,
    `${field}.maximumScalingStepSize`,
    pool.maximumScalingStepSize,
    SCALING_STEP_RANGE,
  );
  if (pool.minimumScalingStepSize > pool.maximumScalingStepSize) {
    report(
      `${field}.minimumScalingStepSize`,
      `minimumScalingStepSize ${pool.minimumScalingStepSize} is above maximumScalingStepSize ${pool.maximumScalingStepSize}.`,
    );
  }
  checkRange(
    report,
    `${field}.instanceWarmupPeriod`,
    pool.instanceWarmupPeriod,
    INSTANCE_WARMUP_RANGE,
    ' s',
  );
  checkRange(
    report,
    `${field}.rootVolumeSizeGiB`,
    pool.rootVolumeSizeGiB,
    ROOT_VOLUME_RANGE,
    ' GiB',
  );

  // The generated capacity provider always turns managed scaling on; managed
  // termination protection also needs instances protected from scale-in.
  if (pool.managedTerminationProtection && !pool.scaleInProtection) {
    report(
      `${field}.managedTerminationProtection`,
      'Managed termination protection needs scale-in protection: turn scaleInProtection on, or turn managed termination protection off.',
    );
  }

  checkAmi(pool, field, report);
}

function checkOnDemandSplit(pool: InstancePool, field: string, report: Report) {
  const base = pool.onDemandBaseCapacity;
  const percentage = pool.onDemandPercentageAboveBaseCapacity;
  if (base !== undefined && base < 0) {
    report(
      `${field}.onDemandBaseCapacity`,
      `${base} is negative: use 0 or more.`,
    );
  }
  if (percentage !== undefined) {
    checkRange(
      report,
      `${field}.onDemandPercentageAboveBaseCapacity`,
      percentage,
      [0, 100],
      ' %',
    );
  }
  if (
    pool.purchaseOption === 'spot' &&
    ((base ?? 0) > 0 || (percentage ?? 0) > 0)
  ) {
    report(
      `${field}.purchaseOption`,
      'A spot pool has no On-Demand share: use purchaseOption "mixed" for an On-Demand base or percentage.',
    );
  }
  if (
    pool.purchaseOption === 'on-demand' &&
    percentage !== undefined &&
    percentage < 100
  ) {
    report(
      `${field}.purchaseOption`,
      `An on-demand pool is 100 % On-Demand, not ${percentage} %: use purchaseOption "mixed" to add Spot.`,
    );
  }
}

function checkAmi(pool: InstancePool, field: string, report: Report) {
  if (!pool.ami) {
    return;
  }
  const { id, ssmParameter } = pool.ami;
  if (id === undefined && ssmParameter === undefined) {
    report(
      `${field}.ami`,
      'Empty AMI choice: give ami.id or ami.ssmParameter, or leave ami out for the ECS-optimized AMI.',
    );
  }
  if (id !== undefined && ssmParameter !== undefined) {
    report(
      `${field}.ami`,
      'Both ami.id and ami.ssmParameter are set: give only one.',
    );
  }
  if (id !== undefined && !AMI_ID_PATTERN.test(id)) {
    report(
      `${field}.ami.id`,
      `Invalid AMI id "${id}": use "ami-" followed by 8 or 17 lowercase hex digits.`,
    );
  }
  if (
    ssmParameter !== undefined &&
    (!SSM_PARAMETER_PATTERN.test(ssmParameter) ||
      ssmParameter.length > SSM_PARAMETER_MAX_LENGTH)
  ) {
    report(
      `${field}.ami.ssmParameter`,
      `Invalid SSM parameter path "${ssmParameter}": start with "/" and use up to 15 levels of letters, digits, ".", "-" or "_".`,
    );
  }
}

/**
 * Checks the pools against the ECS quotas of one cluster. Both quotas are fixed,
 * so a spec above them would fail at apply time or when the groups scale out.
 */
function checkClusterQuotas(spec: ServiceSpec, report: Report) {
  const limit = MAX_CONTAINER_INSTANCES_PER_CLUSTER;
  spec.pools.forEach((pool, index) => {
    if (pool.maxSize > limit) {
      report(
        `pools[${index}].maxSize`,
        `${pool.maxSize} instances are more than the ${limit} container instances one ECS cluster can register: use ${limit} or less.`,
      );
    }
  });

  const total = spec.pools.reduce((sum, pool) => sum + pool.maxSize, 0);
  const anyPoolTooLarge = spec.pools.some(pool => pool.maxSize > limit);
  if (total > limit && !anyPoolTooLarge) {
    report(
      'pools',
      `The pools may grow to ${total} instances together, more than the ${limit} container instances one ECS cluster can register: lower their maxSize or split the service across clusters.`,
    );
  }

  if (spec.pools.length > MAX_CAPACITY_PROVIDERS_PER_CLUSTER) {
    report(
      'pools',
      `${spec.pools.length} pools make ${spec.pools.length} capacity providers, more than the ${MAX_CAPACITY_PROVIDERS_PER_CLUSTER} one ECS cluster can have: merge pools.`,
    );
  }
}

function checkStrategy(spec: ServiceSpec, report: Report) {
  const strategy = capacityProviderStrategyOf(spec);
  const poolNames = new Set(spec.pools.map(pool => pool.name));
  const seen = new Set<string>();

  if (strategy.length > STRATEGY_MAX_ITEMS) {
    report(
      'capacityProviderStrategy',
      `${strategy.length} items: ECS allows at most ${STRATEGY_MAX_ITEMS}.`,
    );
  }
  strategy.forEach((item, index) => {
    const field = `capacityProviderStrategy[${index}]`;
    if (!poolNames.has(item.pool)) {
      report(
        `${field}.pool`,
        `Unknown pool "${item.pool}": use one of ${[...poolNames].join(', ')}.`,
      );
    }
    if (seen.has(item.pool)) {
      report(
        `${field}.pool`,
        `Pool "${item.pool}" appears twice: list each pool once.`,
      );
    }
    seen.add(item.pool);
    checkRange(report, `${field}.weight`, item.weight, STRATEGY_WEIGHT_RANGE);
    checkRange(report, `${field}.base`, item.base, STRATEGY_BASE_RANGE);
  });

  if (strategy.filter(item => item.base > 0).length > 1) {
    report(
      'capacityProviderStrategy',
      'Only one item may have a base above 0.',
    );
  }
  if (strategy.length && strategy.every(item => item.weight === 0)) {
    report(
      'capacityProviderStrategy',
      'All weights are 0: give at least one pool a weight above 0.',
    );
  }
}

function checkTask(spec: ServiceSpec, report: Report) {
  const task = spec.task;
  if (!IMAGE_PATTERN.test(task.image)) {
    report(
      'task.image',
      `Invalid container image "${task.image}": use up to 255 letters, digits and ". _ - / : @ #", for example "public.ecr.aws/nginx/nginx:1.27".`,
    );
  }
  if (task.cpu < MIN_TASK_CPU_UNITS) {
    report(
      'task.cpu',
      `${task.cpu} CPU units is too small: use ${MIN_TASK_CPU_UNITS} or more (1024 per vCPU).`,
    );
  }
  if (task.memoryMiB < MIN_CONTAINER_MEMORY_MIB) {
    report(
      'task.memoryMiB',
      `${task.memoryMiB} MiB is too small: use ${MIN_CONTAINER_MEMORY_MIB} MiB or more.`,
    );
  }
  if (task.memoryReservationMiB !== undefined) {
    if (task.memoryReservationMiB < MIN_CONTAINER_MEMORY_MIB) {
      report(
        'task.memoryReservationMiB',
        `${task.memoryReservationMiB} MiB is too small: use ${MIN_CONTAINER_MEMORY_MIB} MiB or more.`,
      );
    }
    if (task.memoryReservationMiB > task.memoryMiB) {
      report(
        'task.memoryReservationMiB',
        `The reservation ${task.memoryReservationMiB} MiB is above the memory limit ${task.memoryMiB} MiB.`,
      );
    }
  }
  if (task.gpus < 0) {
    report('task.gpus', `${task.gpus} is negative: use 0 or more.`);
  }
  if (task.containerPort !== undefined) {
    checkRange(report, 'task.containerPort', task.containerPort, [1, 65535]);
  }

  if (task.healthCheck) {
    const check = task.healthCheck;
    const [kind] = check.command;
    if (!['CMD', 'CMD-SHELL', 'NONE'].includes(kind)) {
      report(
        'task.healthCheck.command',
        `The command must start with "CMD", "CMD-SHELL" or "NONE", not "${kind}".`,
      );
    } else if (kind !== 'NONE' && check.command.length < 2) {
      report(
        'task.healthCheck.command',
        `"${kind}" needs the command to run as the next item.`,
      );
    }
    for (const key of Object.keys(HEALTH_CHECK_LIMITS) as Array<
      keyof typeof HEALTH_CHECK_LIMITS
    >) {
      const unit = key === 'retries' ? '' : ' s';
      checkRange(
        report,
        `task.healthCheck.${key}`,
        check[key],
        HEALTH_CHECK_LIMITS[key],
        unit,
      );
    }
  }

  const ulimitNames = new Set<string>();
  task.ulimits.forEach((ulimit, index) => {
    const field = `task.ulimits[${index}]`;
    if (ulimitNames.has(ulimit.name)) {
      report(`${field}.name`, `Duplicate ulimit "${ulimit.name}".`);
    }
    ulimitNames.add(ulimit.name);
    if (ulimit.softLimit < 0) {
      report(`${field}.softLimit`, `${ulimit.softLimit} is negative.`);
    }
    if (ulimit.softLimit > ulimit.hardLimit) {
      report(
        `${field}.softLimit`,
        `The soft limit ${ulimit.softLimit} is above the hard limit ${ulimit.hardLimit}.`,
      );
    }
  });

  const environmentNames = new Set<string>();
  task.environment.forEach((variable, index) => {
    const field = `task.environment[${index}].name`;
    if (!ENVIRONMENT_NAME_PATTERN.test(variable.name)) {
      report(
        field,
        `Invalid environment variable name "${variable.name}": start with a letter or "_", then use letters, digits or "_".`,
      );
    }
    if (SECRET_ENVIRONMENT_NAME_PATTERN.test(variable.name)) {
      report(
        field,
        `"${variable.name}" looks like a secret, and its value would be committed to the repository in plain text: keep it in AWS Secrets Manager or SSM Parameter Store instead, or rename the variable if it contains no secret.`,
      );
    }
    if (environmentNames.has(variable.name)) {
      report(field, `Duplicate environment variable "${variable.name}".`);
    }
    environmentNames.add(variable.name);
  });

  if (!LOG_RETENTION_DAYS.includes(task.logRetentionDays)) {
    report(
      'task.logRetentionDays',
      `${
        task.logRetentionDays
      } days is not a CloudWatch Logs retention: use one of ${LOG_RETENTION_DAYS.join(
        ', ',
      )}.`,
    );
  }
}

/** Pools the service strategy can place tasks on. */
function strategyPools(
  spec: ServiceSpec,
): Array<{ pool: InstancePool; index: number }> {
  const used = new Set(
    capacityProviderStrategyOf(spec)
      .filter(item => item.weight > 0 || item.base > 0)
      .map(item => item.pool),
  );
  return spec.pools
    .map((pool, index) => ({ pool, index }))
    .filter(({ pool }) => used.has(pool.name));
}

/*
 * Every instance type of every pool the strategy uses must fit one task next
 * to the daemon task (which runs on every instance), with the memory ECS
 * registers rather than the installed figure.
 */
function checkFit(spec: ServiceSpec, report: Report) {
  const task = spec.task;
  const daemon = spec.daemon?.enabled ? spec.daemon : undefined;
  const cpuNeeded = task.cpu + (daemon?.cpu ?? 0);
  const memoryNeeded = task.memoryMiB + (daemon?.memoryMiB ?? 0);
  const daemonNote = daemon ? ' (task plus daemon)' : '';

  for (const { pool, index } of strategyPools(spec)) {
    pool.instanceTypes.forEach((type, typeIndex) => {
      const facts = findInstanceType(type);
      if (!facts) {
        return;
      }
      const field = `pools[${index}].instanceTypes[${typeIndex}]`;

      if (cpuNeeded > registeredCpuUnits(facts)) {
        report(
          field,
          `${type} registers ${registeredCpuUnits(
            facts,
          )} CPU units, less than the ${cpuNeeded} the task needs${daemonNote}: choose a larger type or lower task.cpu.`,
        );
      }
      if (memoryNeeded > registeredMemoryMiB(facts)) {
        report(
          field,
          `${type} registers about ${registeredMemoryMiB(
            facts,
          )} MiB for tasks (installed ${
            facts.memoryMiB
          } MiB less the kernel's share), less than the ${memoryNeeded} MiB the task needs${daemonNote}: choose a larger type or lower task.memoryMiB.`,
        );
      }
      if (task.gpus > 0 && facts.gpuCount === 0) {
        report(
          field,
          `${type} has no GPU, but the task asks for ${task.gpus}: choose a GPU instance type (g4dn, g5, g6, p3, p4d) or set task.gpus to 0.`,
        );
      } else if (task.gpus > facts.gpuCount) {
        report(
          'task.gpus',
          `The task asks for more GPUs than ${type} has: ${task.gpus} > ${facts.gpuCount} available. Lower task.gpus or choose a type with more GPUs.`,
        );
      }
    });
  }
}

/** Tasks of the service one instance of this type can hold at most. */
function tasksPerInstance(spec: ServiceSpec, facts: InstanceTypeFacts): number {
  const task = spec.task;
  const daemon = spec.daemon?.enabled ? spec.daemon : undefined;
  const limits = [
    Math.floor((registeredCpuUnits(facts) - (daemon?.cpu ?? 0)) / task.cpu),
    Math.floor(
      (registeredMemoryMiB(facts) - (daemon?.memoryMiB ?? 0)) / task.memoryMiB,
    ),
  ];
  if (task.gpus > 0) {
    limits.push(Math.floor(facts.gpuCount / task.gpus));
  }
  if (task.networkMode === 'awsvpc') {
    limits.push(awsvpcTasksPerInstance(facts));
  }
  if (task.networkMode === 'host' && task.containerPort !== undefined) {
    limits.push(1);
  }
  if (
    spec.deployment.placementConstraints?.some(
      c => c.type === 'distinctInstance',
    )
  ) {
    limits.push(1);
  }
  return Math.max(0, Math.min(...limits));
}

function checkDeployment(spec: ServiceSpec, report: Report) {
  const deployment = spec.deployment;
  if (deployment.desiredCount < 0) {
    report(
      'deployment.desiredCount',
      `${deployment.desiredCount} is negative: use 0 or more.`,
    );
  }
  checkRange(
    report,
    'deployment.minimumHealthyPercent',
    deployment.minimumHealthyPercent,
    [0, 100],
    ' %',
  );
  if (deployment.maximumPercent < 100) {
    report(
      'deployment.maximumPercent',
      `${deployment.maximumPercent} % is too low: use 100 % or more.`,
    );
  }
  if (deployment.maximumPercent <= deployment.minimumHealthyPercent) {
    report(
      'deployment.maximumPercent',
      `maximumPercent ${deployment.maximumPercent} % must be above minimumHealthyPercent ${deployment.minimumHealthyPercent} %, or a deployment can neither start nor stop a task.`,
    );
  }
  if (deployment.circuitBreaker.rollback && !deployment.circuitBreaker.enable) {
    report(
      'deployment.circuitBreaker.rollback',
      'Rollback needs the circuit breaker: turn circuitBreaker.enable on.',
    );
  }

  const constraints = deployment.placementConstraints ?? [];
  if (constraints.length > MAX_PLACEMENT_CONSTRAINTS) {
    report(
      'deployment.placementConstraints',
      `${constraints.length} constraints: ECS allows at most ${MAX_PLACEMENT_CONSTRAINTS}.`,
    );
  }
  constraints.forEach((constraint, index) => {
    const field = `deployment.placementConstraints[${index}].expression`;
    if (constraint.type === 'memberOf' && !constraint.expression?.trim()) {
      report(
        field,
        'Missing expression: memberOf needs a cluster query, for example "attribute:ecs.instance-type =~ m6i.*".',
      );
    }
    if (
      constraint.type === 'distinctInstance' &&
      constraint.expression !== undefined
    ) {
      report(field, 'distinctInstance takes no expression: remove it.');
    }
    if (
      constraint.expression !== undefined &&
      constraint.expression.length > 2000
    ) {
      report(field, 'The expression is longer than 2000 characters.');
    }
  });

  // The desired count must fit the largest the pools can grow to, with the
  // smallest instance type of each pool (the group may launch only that one).
  const pools = strategyPools(spec);
  let capacity = 0;
  for (const { pool } of pools) {
    const perInstance = pool.instanceTypes
      .map(type => findInstanceType(type))
      .filter((facts): facts is InstanceTypeFacts => facts !== undefined)
      .map(facts => tasksPerInstance(spec, facts));
    // Unknown types and types a task does not fit on are reported already,
    // and no estimate is possible without them.
    if (
      perInstance.length !== pool.instanceTypes.length ||
      perInstance.some(count => count === 0)
    ) {
      return;
    }
    capacity += pool.maxSize * Math.min(...perInstance);
  }
  if (pools.length && deployment.desiredCount > capacity) {
    const reason =
      spec.task.networkMode === 'awsvpc'
        ? ' (awsvpc without ENI trunking: one task per network interface besides the primary one)'
        : '';
    report(
      'deployment.desiredCount',
      `${deployment.desiredCount} tasks do not fit: the pools hold at most ${capacity} at their maxSize${reason}. Raise pools[].maxSize, choose larger instance types or lower the desired count.`,
    );
  }
}

function checkDaemon(spec: ServiceSpec, report: Report) {
  const daemon = spec.daemon;
  if (!daemon?.enabled) {
    return;
  }
  checkEcsName(report, 'daemon.name', daemon.name, 'ECS service name');
  if (daemon.name === spec.service.name) {
    report(
      'daemon.name',
      'The daemon service needs a name other than the main service.',
    );
  }
  if (!IMAGE_PATTERN.test(daemon.image)) {
    report('daemon.image', `Invalid container image "${daemon.image}".`);
  }
  if (daemon.cpu < MIN_TASK_CPU_UNITS) {
    report(
      'daemon.cpu',
      `${daemon.cpu} CPU units is too small: use ${MIN_TASK_CPU_UNITS} or more.`,
    );
  }
  if (daemon.memoryMiB < MIN_CONTAINER_MEMORY_MIB) {
    report(
      'daemon.memoryMiB',
      `${daemon.memoryMiB} MiB is too small: use ${MIN_CONTAINER_MEMORY_MIB} MiB or more.`,
    );
  }
}

function checkStateBackend(spec: ServiceSpec, report: Report) {
  const backend = spec.stateBackend;
  if (!backend) {
    return;
  }
  if (
    !S3_BUCKET_PATTERN.test(backend.bucket) ||
    backend.bucket.includes('..')
  ) {
    report(
      'stateBackend.bucket',
      `Invalid S3 bucket name "${backend.bucket}": use 3 to 63 lowercase letters, digits, "." or "-".`,
    );
  }
  if (
    !backend.key.trim() ||
    backend.key.startsWith('/') ||
    backend.key.length > 1024
  ) {
    report(
      'stateBackend.key',
      'Invalid state key: give a relative object key such as "ecs/demo/terraform.tfstate".',
    );
  }
  if (!AWS_REGION_PATTERN.test(backend.region)) {
    report('stateBackend.region', `Invalid AWS Region "${backend.region}".`);
  }
  if (
    backend.dynamodbTable !== undefined &&
    !DYNAMODB_TABLE_PATTERN.test(backend.dynamodbTable)
  ) {
    report(
      'stateBackend.dynamodbTable',
      `Invalid DynamoDB table name "${backend.dynamodbTable}".`,
    );
  }
}
