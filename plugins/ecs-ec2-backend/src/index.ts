/**
 * Backend plugin for ECS on EC2: the live picture of a catalog entity's services.
 *
 * @packageDocumentation
 */

export { ecsEc2Plugin as default } from './plugin';
