/**
 * Types, annotations and permissions shared by the ECS on EC2 frontend and backend plugins.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './permissions';
export * from './types';
export * from './serviceSpec';
export * from './instanceTypes';
