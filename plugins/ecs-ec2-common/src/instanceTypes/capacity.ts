import type { InstanceTypeFacts } from './types';

/**
 * Share of installed memory assumed to register with ECS.
 *
 * The ECS agent registers the memory the kernel reports (MemTotal), which is
 * below the installed memory because of firmware and kernel reservations. The
 * Amazon ECS and AWS Batch guides ("Reserving Amazon ECS Linux container
 * instance memory", "Compute resource memory management") give one measured
 * example: an m4.large with 8 GiB installed registers 7985 MiB (97.5 %).
 * ECS publishes no per-type table.
 *
 * NOTE: 0.94 is a conservative estimate, not a published figure. It leaves room
 * for the larger kernel reservations of newer AMIs and big instance types, so a
 * task sized to the last few percent of an instance's memory is rejected here
 * even though it might just fit.
 *
 * @public
 */
export const REGISTERED_MEMORY_FRACTION = 0.94;

/**
 * Memory in MiB the ECS agent is expected to register for an instance type,
 * minus the `ECS_RESERVED_MEMORY` the generated user data sets.
 *
 * @public
 */
export function registeredMemoryMiB(
  facts: InstanceTypeFacts,
  reservedMemoryMiB = 0,
): number {
  return (
    Math.floor(facts.memoryMiB * REGISTERED_MEMORY_FRACTION) - reservedMemoryMiB
  );
}

/**
 * CPU units ECS registers for an instance type: 1024 per vCPU.
 *
 * @public
 */
export function registeredCpuUnits(facts: InstanceTypeFacts): number {
  return facts.vcpus * 1024;
}

/**
 * Tasks in awsvpc network mode one instance can run with ENI trunking off:
 * each task takes an interface and the primary interface is not available.
 *
 * @public
 */
export function awsvpcTasksPerInstance(facts: InstanceTypeFacts): number {
  return facts.maxNetworkInterfaces - 1;
}
