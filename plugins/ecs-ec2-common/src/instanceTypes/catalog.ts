import type { InstanceTypeFacts } from './types';

/*
 * Source: the Amazon EC2 user guide pages "Amazon EC2 instance type
 * specifications" (general purpose, compute optimized, memory optimized and
 * accelerated computing) and "Maximum IP addresses per network interface".
 * Checked on 2026-12-04 against the copies this project can search: c5.large
 * has 3 network interfaces (Amazon ECS guide, ENI trunking), t3.nano 2,
 * t3.small 3, t3.xlarge 4, m5.4xlarge 8, m5.16xlarge 15, p4d.24xlarge 4 x 15,
 * and the GPU counts of g5.xlarge to g5.24xlarge and p4d.24xlarge.
 * NOTE: the other rows follow the same pages but were not re-checked one by one.
 */
type Row = [
  name: string,
  vcpus: number,
  memoryGiB: number,
  maxNetworkInterfaces: number,
];

/*
 * Network interfaces by size for the Nitro general purpose, compute and memory
 * families: large 3, xlarge and 2xlarge 4, 4xlarge to 12xlarge 8, 16xlarge and
 * up 15.
 */
function standardFamily(
  family: string,
  architecture: InstanceTypeFacts['architecture'],
  memoryGiBPerVcpu: number,
  sizes: Array<[size: string, vcpus: number, maxNetworkInterfaces: number]>,
): InstanceTypeFacts[] {
  return sizes.map(([size, vcpus, maxNetworkInterfaces]) => ({
    name: `${family}.${size}`,
    vcpus,
    memoryMiB: vcpus * memoryGiBPerVcpu * 1024,
    architecture,
    gpuCount: 0,
    maxNetworkInterfaces,
  }));
}

const NITRO_SIZES: Array<[string, number, number]> = [
  ['large', 2, 3],
  ['xlarge', 4, 4],
  ['2xlarge', 8, 4],
  ['4xlarge', 16, 8],
  ['8xlarge', 32, 8],
  ['12xlarge', 48, 8],
  ['16xlarge', 64, 15],
];

/* m5, c5 and r5 have 24xlarge; c5 has 9xlarge and 18xlarge in place of 8x and 16x. */
const M5_R5_SIZES: Array<[string, number, number]> = [
  ...NITRO_SIZES,
  ['24xlarge', 96, 15],
];
const C5_SIZES: Array<[string, number, number]> = [
  ['large', 2, 3],
  ['xlarge', 4, 4],
  ['2xlarge', 8, 4],
  ['4xlarge', 16, 8],
  ['9xlarge', 36, 8],
  ['12xlarge', 48, 8],
  ['18xlarge', 72, 15],
  ['24xlarge', 96, 15],
];

/* Burstable families: 2 vCPUs up to large, 4 GiB per vCPU from xlarge. */
function burstableFamily(
  family: string,
  architecture: InstanceTypeFacts['architecture'],
): InstanceTypeFacts[] {
  const rows: Row[] = [
    [`${family}.micro`, 2, 1, 2],
    [`${family}.small`, 2, 2, 3],
    [`${family}.medium`, 2, 4, 3],
    [`${family}.large`, 2, 8, 3],
    [`${family}.xlarge`, 4, 16, 4],
    [`${family}.2xlarge`, 8, 32, 4],
  ];
  return rows.map(([name, vcpus, memoryGiB, maxNetworkInterfaces]) => ({
    name,
    vcpus,
    memoryMiB: memoryGiB * 1024,
    architecture,
    gpuCount: 0,
    maxNetworkInterfaces,
  }));
}

function gpuFamily(
  gpuModel: string,
  rows: Array<[...Row, gpuCount: number]>,
): InstanceTypeFacts[] {
  return rows.map(
    ([name, vcpus, memoryGiB, maxNetworkInterfaces, gpuCount]) => ({
      name,
      vcpus,
      memoryMiB: memoryGiB * 1024,
      architecture: 'x86_64',
      gpuCount,
      gpuModel,
      maxNetworkInterfaces,
    }),
  );
}

const ALL: InstanceTypeFacts[] = [
  ...burstableFamily('t3', 'x86_64'),
  ...burstableFamily('t3a', 'x86_64'),
  ...burstableFamily('t4g', 'arm64'),

  ...standardFamily('m5', 'x86_64', 4, M5_R5_SIZES),
  ...standardFamily('m6i', 'x86_64', 4, M5_R5_SIZES),
  ...standardFamily('m6a', 'x86_64', 4, M5_R5_SIZES),
  ...standardFamily('m6g', 'arm64', 4, NITRO_SIZES),
  ...standardFamily('m7i', 'x86_64', 4, M5_R5_SIZES),
  ...standardFamily('m7g', 'arm64', 4, NITRO_SIZES),

  ...standardFamily('c5', 'x86_64', 2, C5_SIZES),
  ...standardFamily('c6i', 'x86_64', 2, M5_R5_SIZES),
  ...standardFamily('c6g', 'arm64', 2, NITRO_SIZES),
  ...standardFamily('c7g', 'arm64', 2, NITRO_SIZES),

  ...standardFamily('r5', 'x86_64', 8, M5_R5_SIZES),
  ...standardFamily('r6i', 'x86_64', 8, M5_R5_SIZES),
  ...standardFamily('r6g', 'arm64', 8, NITRO_SIZES),

  ...gpuFamily('NVIDIA T4', [
    ['g4dn.xlarge', 4, 16, 3, 1],
    ['g4dn.2xlarge', 8, 32, 3, 1],
    ['g4dn.4xlarge', 16, 64, 3, 1],
    ['g4dn.8xlarge', 32, 128, 4, 1],
    ['g4dn.12xlarge', 48, 192, 8, 4],
    ['g4dn.16xlarge', 64, 256, 4, 1],
  ]),
  ...gpuFamily('NVIDIA A10G', [
    ['g5.xlarge', 4, 16, 4, 1],
    ['g5.2xlarge', 8, 32, 4, 1],
    ['g5.4xlarge', 16, 64, 8, 1],
    ['g5.8xlarge', 32, 128, 8, 1],
    ['g5.12xlarge', 48, 192, 15, 4],
    ['g5.16xlarge', 64, 256, 8, 1],
    ['g5.24xlarge', 96, 384, 15, 4],
    ['g5.48xlarge', 192, 768, 7, 8],
  ]),
  ...gpuFamily('NVIDIA L4', [
    ['g6.xlarge', 4, 16, 4, 1],
    ['g6.2xlarge', 8, 32, 4, 1],
    ['g6.4xlarge', 16, 64, 8, 1],
    ['g6.8xlarge', 32, 128, 8, 1],
    ['g6.12xlarge', 48, 192, 8, 4],
    ['g6.16xlarge', 64, 256, 8, 1],
    ['g6.24xlarge', 96, 384, 15, 4],
    ['g6.48xlarge', 192, 768, 15, 8],
  ]),
  ...gpuFamily('NVIDIA V100', [
    ['p3.2xlarge', 8, 61, 4, 1],
    ['p3.8xlarge', 32, 244, 8, 4],
    ['p3.16xlarge', 64, 488, 8, 8],
  ]),
  ...gpuFamily('NVIDIA A100', [['p4d.24xlarge', 96, 1152, 60, 8]]),

  ...(
    [
      ['inf2.xlarge', 4, 16, 4, 1],
      ['inf2.8xlarge', 32, 128, 8, 1],
      ['inf2.24xlarge', 96, 384, 15, 6],
      ['inf2.48xlarge', 192, 768, 15, 12],
    ] as Array<[...Row, number]>
  ).map(([name, vcpus, memoryGiB, maxNetworkInterfaces, chips]) => ({
    name,
    vcpus,
    memoryMiB: memoryGiB * 1024,
    architecture: 'x86_64' as const,
    gpuCount: 0,
    inferentiaChips: chips,
    maxNetworkInterfaces,
  })),
];

/**
 * Known instance types by name.
 *
 * @public
 */
export const INSTANCE_TYPES: ReadonlyMap<string, InstanceTypeFacts> = new Map(
  ALL.map(facts => [facts.name, facts]),
);

/**
 * Returns the facts of an instance type, or undefined for a type this table
 * does not list.
 *
 * @public
 */
export function findInstanceType(name: string): InstanceTypeFacts | undefined {
  return INSTANCE_TYPES.get(name);
}
