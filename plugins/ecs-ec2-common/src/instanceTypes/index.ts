export type { InstanceTypeFacts } from './types';
export { INSTANCE_TYPES, findInstanceType } from './catalog';
export {
  REGISTERED_MEMORY_FRACTION,
  registeredMemoryMiB,
  registeredCpuUnits,
  awsvpcTasksPerInstance,
} from './capacity';
