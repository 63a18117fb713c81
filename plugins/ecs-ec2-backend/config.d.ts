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
      /**
     * The demo portal's own git host: repositories that the
     * `ecs-ec2:publish:local` scaffolder action creates and the `ecs-ec2`
     * plugin serves read-only and without sign-in at `/api/ecs-ec2/git`.
     */
    localGit?: {
      /**
       * Serve the repositories at `/api/ecs-ec2/git`. Default false: only
       * the demo portal turns it on, because anyone who reaches the backend
       * can read what it serves.
       * @visibility backend
       */
      enabled?: boolean;
      /**
       * Directory of the bare repositories, one `<name>.git` folder each.
       * Defaults to a new temporary directory per backend process, so the
       * repositories go away with the process, like the in-memory catalog.
       * @visibility backend
       */
      directory?: string;
      /**
       * Base URL of the ECS simulator that `ecs-ec2:demo:apply` sends the
       * published Terraform to (`POST <applyTo>/_admin/apply`). Defaults to
       * `ecsEc2.aws.endpoint`; without either, the apply step is skipped.
       * Never point this at a real AWS endpoint: only the simulator has the
       * `/_admin/apply` route.
       * @visibility backend
       */
      applyTo?: string;
    };
  };
}
