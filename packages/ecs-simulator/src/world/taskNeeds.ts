import type { ContainerDefinitionRecord, TaskNeeds } from './types';

/**
 * Computes what a task reserves on an EC2 container instance: the task-level CPU and memory
 * when set, else the sum over containers (memoryReservation before memory, as ECS does).
 */
export function computeTaskNeeds(
  networkMode: string,
  containers: ContainerDefinitionRecord[],
  taskCpu?: string,
  taskMemory?: string,
): TaskNeeds {
  let cpu = 0;
  let memory = 0;
  let gpus = 0;
  const fixedPorts: string[] = [];
  let dynamicPorts = 0;

  for (const container of containers) {
    cpu += container.cpu ?? 0;
    memory += container.memoryReservation ?? container.memory ?? 0;
    for (const requirement of container.resourceRequirements ?? []) {
      if (requirement.type === 'GPU') {
        gpus += Number(requirement.value);
      }
    }

    // awsvpc and none give each task its own network namespace, so only bridge and host
    // mode consume ports on the instance.
    if (networkMode !== 'bridge' && networkMode !== 'host') {
      continue;
    }
    for (const mapping of container.portMappings ?? []) {
      const protocol = mapping.protocol ?? 'tcp';
      const hostPort = networkMode === 'host' ? mapping.containerPort : mapping.hostPort;
      if (hostPort) {
        fixedPorts.push(`${protocol}/${hostPort}`);
      } else {
        dynamicPorts++;
      }
    }
  }

  return {
    cpu: taskCpu !== undefined ? parseCpu(taskCpu) : cpu,
    memory: taskMemory !== undefined ? parseMemory(taskMemory) : memory,
    gpus,
    fixedPorts,
    dynamicPorts,
  };
}

/** Parses ECS CPU notation: units ("1024") or vCPU ("1 vCPU"). */
export function parseCpu(value: string): number {
  const vcpu = /^\s*([\d.]+)\s*vcpu\s*$/i.exec(value);
  return vcpu ? Math.round(Number(vcpu[1]) * 1024) : Number(value);
}

/** Parses ECS memory notation: MiB ("2048") or GB ("2 GB"). */
export function parseMemory(value: string): number {
  const gb = /^\s*([\d.]+)\s*gb\s*$/i.exec(value);
  return gb ? Math.round(Number(gb[1]) * 1024) : Number(value);
}
