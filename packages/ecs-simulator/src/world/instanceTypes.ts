/** Hardware facts for the EC2 instance types scenarios may use. */
export interface InstanceTypeFacts {
  vcpus: number;
  memoryMiB: number;
  gpus: number;
}

const INSTANCE_TYPES: Record<string, InstanceTypeFacts> = {
  't3.medium': { vcpus: 2, memoryMiB: 4096, gpus: 0 },
  't3.large': { vcpus: 2, memoryMiB: 8192, gpus: 0 },
  'm5.large': { vcpus: 2, memoryMiB: 8192, gpus: 0 },
  'm5.xlarge': { vcpus: 4, memoryMiB: 16384, gpus: 0 },
  'm6i.large': { vcpus: 2, memoryMiB: 8192, gpus: 0 },
  'm6i.xlarge': { vcpus: 4, memoryMiB: 16384, gpus: 0 },
  'm6i.2xlarge': { vcpus: 8, memoryMiB: 32768, gpus: 0 },
  'm7g.large': { vcpus: 2, memoryMiB: 8192, gpus: 0 },
  'm7g.xlarge': { vcpus: 4, memoryMiB: 16384, gpus: 0 },
  'c5.xlarge': { vcpus: 4, memoryMiB: 8192, gpus: 0 },
  'c6i.large': { vcpus: 2, memoryMiB: 4096, gpus: 0 },
  'c6i.xlarge': { vcpus: 4, memoryMiB: 8192, gpus: 0 },
  'c6i.2xlarge': { vcpus: 8, memoryMiB: 16384, gpus: 0 },
  'c7g.xlarge': { vcpus: 4, memoryMiB: 8192, gpus: 0 },
  'r6i.large': { vcpus: 2, memoryMiB: 16384, gpus: 0 },
  'r6i.xlarge': { vcpus: 4, memoryMiB: 32768, gpus: 0 },
  'g4dn.xlarge': { vcpus: 4, memoryMiB: 16384, gpus: 1 },
  'g4dn.2xlarge': { vcpus: 8, memoryMiB: 32768, gpus: 1 },
  'g4dn.12xlarge': { vcpus: 48, memoryMiB: 196608, gpus: 4 },
  'g5.xlarge': { vcpus: 4, memoryMiB: 16384, gpus: 1 },
  'g5.2xlarge': { vcpus: 8, memoryMiB: 32768, gpus: 1 },
  'g5.12xlarge': { vcpus: 48, memoryMiB: 196608, gpus: 4 },
};

/** Looks up an instance type, throwing with the list of known types when it is not known. */
export function instanceTypeFacts(type: string): InstanceTypeFacts {
  const facts = INSTANCE_TYPES[type];
  if (!facts) {
    throw new Error(
      `Unknown instance type "${type}": use one of ${Object.keys(INSTANCE_TYPES).join(', ')}`,
    );
  }
  return facts;
}

/**
 * Returns the memory the ECS agent registers for an instance type, in MiB.
 *
 * NOTE: this is an estimate. The agent registers the memory the operating system reports,
 * which is roughly 4% below the nominal size on the ECS-optimized AMIs; the exact figure
 * varies by AMI and kernel.
 */
export function registeredMemoryMiB(type: string): number {
  return Math.floor(instanceTypeFacts(type).memoryMiB * 0.96);
}

/** Returns the CPU units ECS registers for an instance type (1,024 per vCPU). */
export function registeredCpuUnits(type: string): number {
  return instanceTypeFacts(type).vcpus * 1024;
}
