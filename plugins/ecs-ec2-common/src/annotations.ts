/**
 * Annotation that names one or more ECS service ARNs, separated by commas.
 * Account and region are read from each ARN.
 *
 * @public
 */
export const ECS_EC2_SERVICE_ARN_ANNOTATION = 'ecs-ec2.io/service-arn';

/**
 * Annotation written by the awslabs ECS plugin, read as an alias of
 * {@link ECS_EC2_SERVICE_ARN_ANNOTATION} so catalog files keep working.
 *
 * @public
 */
export const AWSLABS_ECS_SERVICE_ARN_ANNOTATION =
  'aws.amazon.com/amazon-ecs-service-arn';

/**
 * Annotations that name services by cluster and service name instead of ARN. All
 * four are needed; the service name may list several services of that cluster,
 * separated by commas.
 *
 * @public
 */
export const ECS_EC2_CLUSTER_ANNOTATION = 'ecs-ec2.io/cluster';

/** @public */
export const ECS_EC2_SERVICE_NAME_ANNOTATION = 'ecs-ec2.io/service-name';

/** @public */
export const ECS_EC2_ACCOUNT_ID_ANNOTATION = 'ecs-ec2.io/account-id';

/** @public */
export const ECS_EC2_REGION_ANNOTATION = 'ecs-ec2.io/region';
