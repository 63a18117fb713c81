import { z } from 'zod';

/*
 * The shape of one ECS-on-EC2 service as the software template collects it.
 * This schema checks types, enums and defaults only. Value rules (AWS naming,
 * ranges, fit on the instance types, cross-field rules) live in
 * `validateServiceSpec`, so a caller gets every problem in one list instead of
 * the first failed type check.
 */

const serviceSchema = z
  .strictObject({
    name: z
      .string()
      .describe(
        'ECS service name: letters, digits, `-` and `_`, up to 255 characters. Also the base of derived names such as capacity providers.',
      ),
    description: z
      .string()
      .optional()
      .describe(
        'Free text that describes the service. Written to the README and resource descriptions.',
      ),
    owner: z
      .string()
      .describe(
        'Catalog entity reference of the owning group, for example `group:default/platform`.',
      ),
    system: z
      .string()
      .optional()
      .describe(
        'Catalog entity reference of the system the service belongs to.',
      ),
  })
  .describe('The ECS service and its catalog ownership.');

const clusterSchema = z
  .strictObject({
    mode: z
      .enum(['new', 'existing'])
      .describe(
        '`new` creates the ECS cluster; `existing` looks it up by name and only adds capacity providers.',
      ),
    name: z
      .string()
      .describe(
        'ECS cluster name: letters, digits, `-` and `_`, up to 255 characters.',
      ),
    containerInsights: z
      .boolean()
      .default(true)
      .describe('Turns on CloudWatch Container Insights for a new cluster.'),
  })
  .describe('The ECS cluster the service runs in.');

const awsSchema = z
  .strictObject({
    accountId: z.string().describe('AWS account id: 12 digits.'),
    region: z.string().describe('AWS Region code, for example `eu-west-1`.'),
  })
  .describe('The AWS account and Region to deploy to.');

const amiSchema = z
  .strictObject({
    id: z
      .string()
      .optional()
      .describe(
        'Custom AMI id (`ami-` followed by 8 or 17 hex digits). Takes precedence over `ssmParameter`.',
      ),
    ssmParameter: z
      .string()
      .optional()
      .describe(
        'SSM parameter path holding the AMI id, for example `/my-org/ecs/ami`.',
      ),
  })
  .describe(
    'Custom AMI for the pool. Without it the pool uses the Amazon ECS-optimized Amazon Linux 2023 AMI (arm64 or GPU variant as the instance types need).',
  );

const poolSchema = z
  .strictObject({
    name: z
      .string()
      .describe(
        'Pool name, unique in the service: letters, digits, `-` and `_`. Part of derived resource names.',
      ),
    instanceTypes: z
      .array(z.string())
      .min(1)
      .describe(
        'EC2 instance types the Auto Scaling group may launch, for example `m6i.large`. All of one architecture.',
      ),
    purchaseOption: z
      .enum(['on-demand', 'spot', 'mixed'])
      .default('on-demand')
      .describe(
        '`on-demand`, `spot`, or `mixed` (On-Demand base plus a percentage above it, the rest Spot).',
      ),
    onDemandBaseCapacity: z
      .number()
      .int()
      .optional()
      .describe(
        'Instances filled with On-Demand before any Spot (mixed only). Defaults to 0.',
      ),
    onDemandPercentageAboveBaseCapacity: z
      .number()
      .int()
      .optional()
      .describe(
        'Percentage (0-100) of instances above the base that are On-Demand (mixed only). Defaults to 50 for mixed.',
      ),
    minSize: z
      .number()
      .int()
      .default(0)
      .describe('Minimum number of instances in the Auto Scaling group.'),
    maxSize: z
      .number()
      .int()
      .default(10)
      .describe('Maximum number of instances in the Auto Scaling group.'),
    targetCapacity: z
      .number()
      .int()
      .default(100)
      .describe(
        'Managed scaling target utilization of the pool in percent (1-100). Below 100 keeps spare instances.',
      ),
    minimumScalingStepSize: z
      .number()
      .int()
      .default(1)
      .describe(
        'Fewest instances managed scaling adds or removes at a time (1-10000).',
      ),
    maximumScalingStepSize: z
      .number()
      .int()
      .default(10000)
      .describe(
        'Most instances managed scaling adds or removes at a time (1-10000).',
      ),
    instanceWarmupPeriod: z
      .number()
      .int()
      .default(300)
      .describe(
        'Seconds after launch before a new instance counts in the CloudWatch metrics of the capacity provider (0-10000).',
      ),
    managedTerminationProtection: z
      .boolean()
      .default(true)
      .describe(
        'ECS keeps the Auto Scaling group from terminating instances that run tasks. Needs scale-in protection.',
      ),
    scaleInProtection: z
      .boolean()
      .default(true)
      .describe(
        'New instances start protected from scale-in, so only ECS decides which instances go.',
      ),
    managedDraining: z
      .boolean()
      .default(true)
      .describe(
        'ECS drains an instance gracefully before the Auto Scaling group terminates it.',
      ),
    rootVolumeSizeGiB: z
      .number()
      .int()
      .default(30)
      .describe(
        'Size of the encrypted gp3 root volume in GiB (at least 30 for the ECS-optimized AMI).',
      ),
    ami: amiSchema.optional(),
    capacityProviderName: z
      .string()
      .optional()
      .describe(
        'Capacity provider name. Defaults to `<service name>-<pool name>`. Must not start with `aws`, `ecs` or `fargate` in any case.',
      ),
  })
  .describe(
    'A pool of EC2 instances: one launch template, Auto Scaling group and capacity provider.',
  );

const strategyItemSchema = z
  .strictObject({
    pool: z.string().describe('Name of a pool in `pools`.'),
    weight: z
      .number()
      .int()
      .default(1)
      .describe('Relative share of tasks placed on this pool (0-1000).'),
    base: z
      .number()
      .int()
      .default(0)
      .describe(
        'Tasks placed on this pool before weights apply (0-100000). Only one item may have a base above 0.',
      ),
  })
  .describe('One item of the capacity provider strategy.');

const healthCheckSchema = z
  .strictObject({
    command: z
      .array(z.string())
      .min(1)
      .describe(
        'Health check command, for example `["CMD-SHELL", "curl -f http://localhost/ || exit 1"]`.',
      ),
    intervalSeconds: z
      .number()
      .int()
      .default(30)
      .describe('Seconds between checks (5-300).'),
    timeoutSeconds: z
      .number()
      .int()
      .default(5)
      .describe('Seconds before a check counts as failed (2-60).'),
    retries: z
      .number()
      .int()
      .default(3)
      .describe('Failed checks before the container is unhealthy (1-10).'),
    startPeriodSeconds: z
      .number()
      .int()
      .default(0)
      .describe('Grace period in seconds before failed checks count (0-300).'),
  })
  .describe('Container health check, as in the ECS container definition.');

const ulimitSchema = z
  .strictObject({
    name: z
      .enum([
        'core',
        'cpu',
        'data',
        'fsize',
        'locks',
        'memlock',
        'msgqueue',
        'nice',
        'nofile',
        'nproc',
        'rss',
        'rtprio',
        'rttime',
        'sigpending',
        'stack',
      ])
      .describe('Ulimit name as ECS accepts it, for example `nofile`.'),
    softLimit: z.number().int().describe('Soft limit.'),
    hardLimit: z
      .number()
      .int()
      .describe('Hard limit, at least the soft limit.'),
  })
  .describe('One container ulimit.');

const environmentVariableSchema = z
  .strictObject({
    name: z
      .string()
      .describe('Variable name: a letter or `_`, then letters, digits or `_`.'),
    value: z
      .string()
      .describe(
        'Variable value. Written as a literal string; use a secret store for secrets.',
      ),
  })
  .describe('One plain environment variable of the container.');

const taskSchema = z
  .strictObject({
    image: z
      .string()
      .describe(
        'Container image, for example `public.ecr.aws/nginx/nginx:1.27`.',
      ),
    cpu: z
      .number()
      .int()
      .default(256)
      .describe('Task CPU in CPU units (1024 per vCPU).'),
    memoryMiB: z
      .number()
      .int()
      .default(512)
      .describe('Hard memory limit of the task in MiB.'),
    memoryReservationMiB: z
      .number()
      .int()
      .optional()
      .describe(
        'Soft memory reservation of the container in MiB, at most `memoryMiB`.',
      ),
    gpus: z
      .number()
      .int()
      .default(0)
      .describe('GPUs the container reserves. Needs GPU instance types.'),
    containerPort: z
      .number()
      .int()
      .optional()
      .describe(
        'Port the container listens on (1-65535). The host port is dynamic in bridge mode.',
      ),
    networkMode: z
      .enum(['bridge', 'awsvpc', 'host'])
      .default('bridge')
      .describe(
        'Docker network mode. `awsvpc` gives each task its own elastic network interface.',
      ),
    healthCheck: healthCheckSchema.optional(),
    ulimits: z.array(ulimitSchema).default([]).describe('Container ulimits.'),
    logRetentionDays: z
      .number()
      .int()
      .default(30)
      .describe(
        'Days CloudWatch Logs keeps the task logs: one of the values CloudWatch Logs allows.',
      ),
    environment: z
      .array(environmentVariableSchema)
      .default([])
      .describe('Plain environment variables.'),
  })
  .describe('The task definition: one container.');

const placementConstraintSchema = z
  .strictObject({
    type: z
      .enum(['distinctInstance', 'memberOf'])
      .describe(
        '`distinctInstance` puts each task on a different instance; `memberOf` filters instances by an expression.',
      ),
    expression: z
      .string()
      .optional()
      .describe(
        'Cluster query language expression, required for `memberOf`, for example `attribute:ecs.instance-type =~ m6i.*`.',
      ),
  })
  .describe('One service placement constraint.');

const deploymentSchema = z
  .strictObject({
    desiredCount: z
      .number()
      .int()
      .default(1)
      .describe('Number of tasks the service keeps running.'),
    minimumHealthyPercent: z
      .number()
      .int()
      .default(100)
      .describe(
        'Lower limit of running tasks during a deployment, in percent of the desired count (0-100).',
      ),
    maximumPercent: z
      .number()
      .int()
      .default(200)
      .describe(
        'Upper limit of running tasks during a deployment, in percent of the desired count (100-200 or more).',
      ),
    circuitBreaker: z
      .strictObject({
        enable: z
          .boolean()
          .default(true)
          .describe('Stops a deployment whose tasks keep failing to start.'),
        rollback: z
          .boolean()
          .default(true)
          .describe(
            'Rolls a failed deployment back to the last completed one.',
          ),
      })
      .default({})
      .describe('Deployment circuit breaker.'),
    placementConstraints: z
      .array(placementConstraintSchema)
      .optional()
      .describe('Service placement constraints (at most 10).'),
  })
  .describe('How the service runs and rolls out its tasks.');

const daemonSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe('Creates the daemon service.'),
    name: z
      .string()
      .describe('Daemon service name, following the ECS service naming rules.'),
    image: z
      .string()
      .describe(
        'Container image of the daemon, for example a log or metrics agent.',
      ),
    cpu: z
      .number()
      .int()
      .default(128)
      .describe('Daemon task CPU in CPU units; reserved on every instance.'),
    memoryMiB: z
      .number()
      .int()
      .default(128)
      .describe('Daemon task memory in MiB; reserved on every instance.'),
  })
  .describe(
    'Optional daemon service (scheduling strategy DAEMON) that runs one task on every container instance.',
  );

const stateBackendSchema = z
  .strictObject({
    bucket: z.string().describe('S3 bucket of the Terraform state.'),
    key: z
      .string()
      .describe(
        'Object key of the state file, for example `ecs/demo/terraform.tfstate`.',
      ),
    region: z.string().describe('Region of the state bucket.'),
    dynamodbTable: z
      .string()
      .optional()
      .describe('DynamoDB table for state locking.'),
  })
  .describe(
    'Optional S3 backend for the Terraform state. Without it the state stays local.',
  );

/**
 * One ECS service on EC2 capacity: cluster, instance pools with their capacity
 * providers, task definition, deployment settings and an optional daemon.
 *
 * @public
 */
export const serviceSpecSchema = z
  .strictObject({
    service: serviceSchema,
    cluster: clusterSchema,
    aws: awsSchema,
    pools: z.array(poolSchema).min(1).describe('Instance pools, at least one.'),
    capacityProviderStrategy: z
      .array(strategyItemSchema)
      .optional()
      .describe(
        'Capacity provider strategy of the service. Defaults to every pool with weight 1 and base 0.',
      ),
    task: taskSchema,
    deployment: deploymentSchema.default({}),
    daemon: daemonSchema.optional(),
    stateBackend: stateBackendSchema.optional(),
  })
  .describe('One ECS service on EC2 capacity.');

/**
 * A parsed service spec, defaults applied.
 *
 * @public
 */
export type ServiceSpec = z.output<typeof serviceSpecSchema>;

/**
 * A service spec as callers write it, before defaults.
 *
 * @public
 */
export type ServiceSpecInput = z.input<typeof serviceSpecSchema>;

/** @public */
export type InstancePool = ServiceSpec['pools'][number];

/** @public */
export type CapacityProviderStrategyItem = NonNullable<
  ServiceSpec['capacityProviderStrategy']
>[number];
