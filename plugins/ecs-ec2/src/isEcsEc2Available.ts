import { Entity } from '@backstage/catalog-model';
import {
  AWSLABS_ECS_SERVICE_ARN_ANNOTATION,
  ECS_EC2_ACCOUNT_ID_ANNOTATION,
  ECS_EC2_CLUSTER_ANNOTATION,
  ECS_EC2_REGION_ANNOTATION,
  ECS_EC2_SERVICE_ARN_ANNOTATION,
  ECS_EC2_SERVICE_NAME_ANNOTATION,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';

/**
 * Tells whether an entity names ECS services, either by ARN (our annotation or the
 * awslabs alias) or by all four of cluster, service name, account id and region.
 *
 * @public
 */
export function isEcsEc2Available(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  const hasValue = (key: string) => Boolean(annotations[key]?.trim());

  if (
    hasValue(ECS_EC2_SERVICE_ARN_ANNOTATION) ||
    hasValue(AWSLABS_ECS_SERVICE_ARN_ANNOTATION)
  ) {
    return true;
  }
  return [
    ECS_EC2_CLUSTER_ANNOTATION,
    ECS_EC2_SERVICE_NAME_ANNOTATION,
    ECS_EC2_ACCOUNT_ID_ANNOTATION,
    ECS_EC2_REGION_ANNOTATION,
  ].every(hasValue);
}
