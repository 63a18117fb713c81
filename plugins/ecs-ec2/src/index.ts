/**
 * Frontend plugin for ECS on EC2: the ECS tab of a catalog entity.
 *
 * @packageDocumentation
 */

export { ecsEc2Plugin } from './plugin';
