import { CacheService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';

/**
 * Reads a value through the shared cache and makes sure that concurrent requests
 * for the same key in this process share one fetch. The cache is the plugin's
 * `coreServices.cache`, so with Redis or Valkey the replicas of a backend share
 * what one of them fetched.
 */
export class CachedSingleFlight {
  private readonly inFlight = new Map<string, Promise<JsonValue>>();

  constructor(
    private readonly cache: CacheService,
    private readonly ttlMs: number,
  ) {}

  get<T extends JsonValue>(key: string, fetch: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) {
      return running as Promise<T>;
    }

    const flight = this.load(key, fetch).finally(() => {
      this.inFlight.delete(key);
    });
    this.inFlight.set(key, flight);
    return flight;
  }

  private async load<T extends JsonValue>(
    key: string,
    fetch: () => Promise<T>,
  ): Promise<T> {
    if (this.ttlMs > 0) {
      const cached = await this.cache.get<T>(key);
      if (cached !== undefined) {
        return cached;
      }
    }

    const value = await fetch();
    if (this.ttlMs > 0) {
      await this.cache.set(key, value, { ttl: this.ttlMs });
    }
    return value;
  }
}
