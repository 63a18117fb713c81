import { formatCpu, formatCpuUnits } from './format';

describe('formatCpu', () => {
  it('keeps three significant digits of small task sizes', () => {
    expect(formatCpu(128)).toBe('0.125 vCPU');
    expect(formatCpu(100)).toBe('0.0977 vCPU');
  });

  it('drops trailing zeros of whole and half vCPUs', () => {
    expect(formatCpu(512)).toBe('0.5 vCPU');
    expect(formatCpu(2048)).toBe('2 vCPU');
    expect(formatCpu(1536)).toBe('1.5 vCPU');
  });

  it('rounds large instances to whole vCPUs', () => {
    expect(formatCpu(196608)).toBe('192 vCPU');
  });
});

describe('formatCpuUnits', () => {
  it('states CPU units as the task definition does, with vCPU beside them', () => {
    expect(formatCpuUnits(128)).toBe('128 CPU units (0.125 vCPU)');
  });
});
