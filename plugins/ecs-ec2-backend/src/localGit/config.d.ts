export interface Config {
  ecsEc2?: {
    /**
     * The demo portal's own git host: repositories that the
     * `ecs-ec2:publish:local` scaffolder action creates and the `ecs-ec2`
     * plugin serves read-only at `/api/ecs-ec2/git`.
     */
    localGit?: {
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
