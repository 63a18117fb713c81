import { AwsError } from './protocol/errors';
import { SeededRandom } from './random';
import type { Clock } from './clock';

/**
 * Faults the simulator injects into AWS API calls. Operation names are `<Service>.<Operation>`,
 * for example `ECS.DescribeTasks`.
 *
 * @public
 */
export interface FaultConfig {
  /** Delay before every response, in milliseconds, plus a uniform random jitter up to `jitterMs`. */
  latency?: { ms: number; jitterMs?: number };
  /**
   * A token bucket per account, region and operation, refilled at `ratePerSecond` up to `burst`
   * tokens on the simulator clock, as ECS limits API calls. An empty bucket returns
   * ThrottlingException (HTTP 400). `operations` limits it to some operations.
   */
  throttling?: { ratePerSecond: number; burst: number; operations?: string[] };
  /** Fraction (0-1) of calls that fail with a server error (HTTP 500). */
  serverErrorRate?: number;
  /** Accounts whose calls fail with AccessDeniedException. */
  accessDeniedAccounts?: string[];
  /** Errors for some operations: every call, or the fraction `rate` of calls, fails with `code`. */
  operations?: Record<string, { code: string; message?: string; status?: number; rate?: number }>;
  /** Fraction (0-1) of ids in DescribeTasks and DescribeContainerInstances reported MISSING in `failures`. */
  missingRate?: number;
  /** Seed of the random draws, so a faulty run can be repeated. */
  seed?: string;
}

/** Applies a FaultConfig to calls; the throttling buckets persist until the faults are replaced. */
export class FaultInjector {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();
  private readonly random: SeededRandom;

  constructor(
    readonly config: FaultConfig,
    private readonly clock: Clock,
  ) {
    this.random = new SeededRandom(config.seed ?? 'faults');
  }

  /** Milliseconds to wait before answering. */
  latencyMs(): number {
    const latency = this.config.latency;
    if (!latency) return 0;
    return latency.ms + (latency.jitterMs ? this.random.next() * latency.jitterMs : 0);
  }

  /** Throws the error a call should fail with, if any. */
  check(account: string, region: string, operation: string): void {
    const { config } = this;
    const service = operation.split('.')[0];
    if (config.accessDeniedAccounts?.includes(account)) {
      throw new AwsError(
        service === 'AutoScaling' ? 'AccessDenied' : 'AccessDeniedException',
        `User: arn:aws:sts::${account}:assumed-role/simulated/session is not authorized to perform: ${operation.replace('.', ':').replace('ECS:', 'ecs:').replace('CloudWatch:', 'cloudwatch:').replace('AutoScaling:', 'autoscaling:')}`,
      );
    }

    const throttling = config.throttling;
    if (throttling && (!throttling.operations || throttling.operations.includes(operation))) {
      const key = `${account}/${region}/${operation}`;
      const now = this.clock.now();
      const bucket = this.buckets.get(key) ?? { tokens: throttling.burst, updatedAt: now };
      bucket.tokens = Math.min(throttling.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * throttling.ratePerSecond);
      bucket.updatedAt = now;
      this.buckets.set(key, bucket);
      if (bucket.tokens < 1) {
        throw new AwsError(service === 'ECS' ? 'ThrottlingException' : 'Throttling', 'Rate exceeded');
      }
      bucket.tokens -= 1;
    }

    const failure = config.operations?.[operation];
    if (failure && (failure.rate === undefined || this.random.next() < failure.rate)) {
      throw new AwsError(failure.code, failure.message ?? `Injected ${failure.code}`, failure.status ?? (failure.code.includes('Server') ? 500 : 400));
    }

    if (config.serverErrorRate && this.random.next() < config.serverErrorRate) {
      throw new AwsError(
        service === 'ECS' ? 'ServerException' : 'InternalFailure',
        'The server encountered an internal error.',
        500,
      );
    }
  }

  /** Decides whether one id of a Describe call is reported MISSING. */
  drawMissing(): boolean {
    return !!this.config.missingRate && this.random.next() < this.config.missingRate;
  }
}
