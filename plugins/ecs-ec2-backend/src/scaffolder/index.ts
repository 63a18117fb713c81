/**
 * The ECS on EC2 scaffolder module and its template actions.
 *
 * @packageDocumentation
 */

export { ecsEc2ScaffolderModule as default } from './module';
export { createPublishLocalAction } from './actions/publishLocal';
export type { PublishLocalActionOptions } from './actions/publishLocal';
export { createCheckTargetAction } from './actions/checkTarget';
export type { CheckTargetActionOptions } from './actions/checkTarget';
export { createDemoApplyAction } from './actions/demoApply';
export type { DemoApplyActionOptions } from './actions/demoApply';
