import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  readEntityPicture,
  ReadEntityPictureDeps,
} from '../service/readEntityPicture';

/**
 * Registers the `get-ecs-entity-picture` action (available to MCP clients through
 * the actions registry). It returns the same picture as the HTTP route, read with
 * the caller's credentials and gated by the same permission.
 */
export function registerGetEcsEntityPictureAction(
  actionsRegistry: ActionsRegistryService,
  deps: ReadEntityPictureDeps,
) {
  actionsRegistry.register({
    name: 'get-ecs-entity-picture',
    title: 'Get the ECS picture of a catalog entity',
    description:
      'Returns the live Amazon ECS on EC2 state of the services a catalog entity names: service status and counts, deployments with rollout state, running and recently stopped tasks with stop reasons and exit codes, container instances, capacity providers with their Auto Scaling groups, CPU and memory utilization of the last hour, and warnings for parts that could not be fetched.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      // Strict, so a caller that passes an ARN, account or region learns that the
      // action takes none: only the entity's own annotations choose what is read.
      input: z =>
        z
          .object({
            entityRef: z
              .string()
              .describe(
                'Entity reference such as component:default/web-api; the kind defaults to component and the namespace to default',
              ),
          })
          .strict(),
      output: z =>
        z.object({
          picture: z
            .record(z.string(), z.unknown())
            .describe('The EcsEntityPicture of the entity'),
        }),
    },
    action: async ({ input, credentials }) => {
      let entityRef: string;
      try {
        entityRef = stringifyEntityRef(
          parseEntityRef(input.entityRef, {
            defaultKind: 'component',
            defaultNamespace: 'default',
          }),
        );
      } catch {
        throw new InputError(
          `Invalid entityRef "${input.entityRef}": use kind:namespace/name, for example component:default/web-api`,
        );
      }
      const picture = await readEntityPicture(deps, entityRef, credentials);
      return {
        output: { picture: picture as unknown as Record<string, unknown> },
      };
    },
  });
}
