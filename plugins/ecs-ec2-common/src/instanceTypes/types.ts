/**
 * Facts about one EC2 instance type that decide whether an ECS task fits on it.
 *
 * @public
 */
export interface InstanceTypeFacts {
  /** Instance type name, for example `m6i.large`. */
  name: string;
  vcpus: number;
  /** Installed memory in MiB, as EC2 advertises it (GiB times 1024). */
  memoryMiB: number;
  architecture: 'x86_64' | 'arm64';
  /** NVIDIA GPUs ECS can assign to tasks; 0 for types without a GPU. */
  gpuCount: number;
  /** GPU model, for example `NVIDIA T4`. */
  gpuModel?: string;
  /** AWS Inferentia chips. ECS does not schedule these as GPUs. */
  inferentiaChips?: number;
  /** Maximum network interfaces (all network cards), the primary one included. */
  maxNetworkInterfaces: number;
}
