/**
 * Formats CPU units (1024 per vCPU) as vCPU with three significant digits, for
 * example 512 as "0.5 vCPU" and 128 as "0.125 vCPU". Two digits would show 128
 * units as 0.13 vCPU, a size no task definition requests.
 */
export function formatCpu(cpuUnits: number): string {
  const vcpu = cpuUnits / 1024;
  const shown = Math.abs(vcpu) >= 100 ? Math.round(vcpu) : vcpu.toPrecision(3);
  return `${Number(shown)} vCPU`;
}

/**
 * Formats a task's CPU as its task definition states it, in CPU units, with
 * the vCPU beside it, for example "128 CPU units (0.125 vCPU)".
 */
export function formatCpuUnits(cpuUnits: number): string {
  return `${cpuUnits} CPU units (${formatCpu(cpuUnits)})`;
}

/** Formats MiB as MiB below 1 GiB and as GiB above. */
export function formatMemory(memoryMiB: number): string {
  if (Math.abs(memoryMiB) < 1024) {
    return `${Math.round(memoryMiB)} MiB`;
  }
  return `${Number((memoryMiB / 1024).toFixed(1))} GiB`;
}

/** Formats a GPU count with its noun, for example "1 GPU" or "2 GPUs". */
export function formatGpus(gpus: number): string {
  return `${gpus} GPU${gpus === 1 ? '' : 's'}`;
}

/** Formats a share in percent, rounded, for example 0.456 as "46%". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Returns `used / total`, or 0 when `total` is 0. */
export function ratio(used: number, total: number): number {
  return total > 0 ? used / total : 0;
}

/** Formats how long ago a time was, in seconds below two minutes and minutes above. */
export function formatAge(fromMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - fromMs) / 1000));
  if (seconds < 120) {
    return `${seconds} s ago`;
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) {
    return `${minutes} min ago`;
  }
  return `${Math.round(minutes / 60)} h ago`;
}

/** Formats an ISO time as local date and time, or a dash when missing. */
export function formatTime(iso?: string): string {
  if (!iso) {
    return '–';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
