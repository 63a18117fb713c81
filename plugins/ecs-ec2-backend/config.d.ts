export interface Config {
  /** Configuration of the ECS on EC2 backend plugin. */
  ecsEc2?: {
    aws?: {
      /**
       * Endpoint used by every AWS client (ECS, CloudWatch, Auto Scaling) instead of
       * the regional AWS endpoint. Meant for the ECS simulator; leave unset against AWS.
       * @visibility backend
       */
      endpoint?: string;
      /**
       * Attempts per AWS call, including the first, with the SDK's adaptive retry mode.
       * Default 4. When they run out on throttling, the picture carries a THROTTLED warning.
       * @visibility backend
       */
      maxAttempts?: number;
      /**
       * AWS calls in flight at once per account and region. Default 10.
       * @visibility backend
       */
      maxConcurrency?: number;
    };
    cache?: {
      /**
       * Seconds a fetched picture stays in the backend cache (coreServices.cache, so
       * shared between replicas when the cache store is Redis or Valkey). Default 10.
       * Set 0 to turn caching off; concurrent requests are still coalesced.
       * @visibility backend
       */
      ttlSeconds?: number;
    };
  };
}
