import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EcsEntityPicture,
  ecsEc2EntityReadPermission,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { EcsPictureService } from './EcsPictureService';

export interface ReadEntityPictureDeps {
  catalog: CatalogService;
  permissions: PermissionsService;
  pictures: EcsPictureService;
}

/**
 * Reads the picture of an entity on behalf of a caller: the entity is read from
 * the catalog with the caller's credentials, so an entity they cannot see is a 404,
 * and the read permission is checked on that entity before any AWS call.
 */
export async function readEntityPicture(
  deps: ReadEntityPictureDeps,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<EcsEntityPicture> {
  const entity = await deps.catalog.getEntityByRef(entityRef, { credentials });
  if (!entity) {
    throw new NotFoundError(`Entity ${entityRef} was not found`);
  }

  const [decision] = await deps.permissions.authorize(
    [{ permission: ecsEc2EntityReadPermission, resourceRef: entityRef }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Not allowed to read the ECS picture of ${entityRef} (permission ${ecsEc2EntityReadPermission.name})`,
    );
  }

  return deps.pictures.getPicture(entity);
}
