/**
 * Frontend plugin for ECS on EC2: the ECS tab of a catalog entity.
 *
 * @packageDocumentation
 */

export { ecsEc2Plugin, EntityEcsEc2Content } from './plugin';
export { isEcsEc2Available } from './isEcsEc2Available';
export { ecsEc2ApiRef, EcsEc2Client } from './api';
export type { EcsEc2Api } from './api';
export type { EcsEc2ContentProps } from './components/EcsEc2Content';
