import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** Settings of the plugin read from `ecsEc2` in app-config. */
export interface EcsEc2Settings {
  /** Endpoint override for every AWS client, for the simulator. */
  endpoint?: string;
  maxAttempts: number;
  maxConcurrency: number;
  cacheTtlMs: number;
}

const DEFAULT_MAX_ATTEMPTS = 4;
const DEFAULT_MAX_CONCURRENCY = 10;
const DEFAULT_CACHE_TTL_SECONDS = 10;

/** Reads `ecsEc2` from app-config, applying the defaults documented in config.d.ts. */
export function readSettings(config: Config): EcsEc2Settings {
  const maxAttempts =
    config.getOptionalNumber('ecsEc2.aws.maxAttempts') ?? DEFAULT_MAX_ATTEMPTS;
  const maxConcurrency =
    config.getOptionalNumber('ecsEc2.aws.maxConcurrency') ??
    DEFAULT_MAX_CONCURRENCY;
  const ttlSeconds =
    config.getOptionalNumber('ecsEc2.cache.ttlSeconds') ??
    DEFAULT_CACHE_TTL_SECONDS;

  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new InputError(
      `Invalid ecsEc2.aws.maxAttempts ${maxAttempts}: use a whole number of at least 1`,
    );
  }
  if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) {
    throw new InputError(
      `Invalid ecsEc2.aws.maxConcurrency ${maxConcurrency}: use a whole number of at least 1`,
    );
  }
  if (ttlSeconds < 0) {
    throw new InputError(
      `Invalid ecsEc2.cache.ttlSeconds ${ttlSeconds}: use 0 or more seconds`,
    );
  }

  return {
    endpoint: config.getOptionalString('ecsEc2.aws.endpoint'),
    maxAttempts,
    maxConcurrency,
    cacheTtlMs: ttlSeconds * 1000,
  };
}
