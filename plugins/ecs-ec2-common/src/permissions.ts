import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Permission to read the live ECS picture of a catalog entity. It is a resource
 * permission on the entity, so a policy can allow it for, say, the entity's owners.
 *
 * @public
 */
export const ecsEc2EntityReadPermission = createPermission({
  name: 'ecs-ec2.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/**
 * Every permission of the ECS on EC2 plugins.
 *
 * @public
 */
export const ecsEc2Permissions = [ecsEc2EntityReadPermission];
