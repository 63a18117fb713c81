/*
 * AWS limits the service spec is checked against, with their source.
 */

/** ECS cluster, service and capacity provider names (CreateCluster, CreateService, CreateCapacityProvider). */
export const ECS_NAME_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;

/** CreateCapacityProvider rejects names that start with these, in any letter case. */
export const RESERVED_CAPACITY_PROVIDER_PREFIXES = ['aws', 'ecs', 'fargate'];

/** Pool names become parts of AWS names and, lowercased, of Terraform identifiers. */
export const POOL_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const AWS_ACCOUNT_ID_PATTERN = /^\d{12}$/;

/** Region codes such as `eu-west-1`, `us-gov-west-1` or `ap-southeast-5`. */
export const AWS_REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d{1,2}$/;

/** EC2 AMI ids: 8 hex digits (old format) or 17 (current format). */
export const AMI_ID_PATTERN = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;

/**
 * SSM parameter path: a leading `/`, then up to 15 levels of letters, digits,
 * `.`, `-` and `_`, at most 2048 characters (SSM PutParameter limits).
 */
export const SSM_PARAMETER_PATTERN = /^(\/[A-Za-z0-9_.-]+){1,15}$/;
export const SSM_PARAMETER_MAX_LENGTH = 2048;

/** Container image reference characters ECS accepts, up to 255 characters. */
export const IMAGE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/:@#]{0,254}$/;

/** POSIX environment variable names. */
export const ENVIRONMENT_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Environment variable names that usually carry a secret. Their values would be
 * committed to the repository and shown in the task definition, so the spec
 * rejects them. Secrets belong in Secrets Manager or SSM Parameter Store.
 */
export const SECRET_ENVIRONMENT_NAME_PATTERN =
  /SECRET|PASSWORD|PASSWD|PRIVATE_KEY|ACCESS_KEY|API_KEY|TOKEN|CREDENTIAL/i;

/** Values CloudWatch Logs PutRetentionPolicy accepts, in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
  2192, 2557, 2922, 3288, 3653,
];

/** ECS container health check limits (HealthCheck in the ECS API reference). */
export const HEALTH_CHECK_LIMITS = {
  intervalSeconds: [5, 300],
  timeoutSeconds: [2, 60],
  retries: [1, 10],
  startPeriodSeconds: [0, 300],
} as const;

/** Managed scaling step sizes and warmup (ManagedScaling in the ECS API reference). */
export const SCALING_STEP_RANGE = [1, 10000] as const;
export const INSTANCE_WARMUP_RANGE = [0, 10000] as const;

/** Capacity provider strategy item limits (CapacityProviderStrategyItem). */
export const STRATEGY_WEIGHT_RANGE = [0, 1000] as const;
export const STRATEGY_BASE_RANGE = [0, 100000] as const;
export const STRATEGY_MAX_ITEMS = 20;

/** gp3 volume size in GiB; the ECS-optimized Amazon Linux 2023 AMI needs 30. */
export const ROOT_VOLUME_RANGE = [30, 16384] as const;

/** S3 bucket names (general purpose buckets). */
export const S3_BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** DynamoDB table names. */
export const DYNAMODB_TABLE_PATTERN = /^[A-Za-z0-9_.-]{3,255}$/;

/** Smallest container memory the Docker daemon 20.10 and later accepts, in MiB. */
export const MIN_CONTAINER_MEMORY_MIB = 6;

/** Smallest task CPU ECS accepts for a task-level `cpu` on EC2, in CPU units. */
export const MIN_TASK_CPU_UNITS = 128;

/**
 * ECS service quotas that cannot be raised: container instances registered to one
 * cluster, and capacity providers associated with one cluster.
 */
export const MAX_CONTAINER_INSTANCES_PER_CLUSTER = 5000;
export const MAX_CAPACITY_PROVIDERS_PER_CLUSTER = 20;

/** ECS allows at most 10 placement constraints per service. */
export const MAX_PLACEMENT_CONSTRAINTS = 10;
