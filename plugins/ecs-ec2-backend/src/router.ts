import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  readEntityPicture,
  ReadEntityPictureDeps,
} from './service/readEntityPicture';

const entityParams = z.object({
  namespace: z.string().regex(/^[A-Za-z0-9._-]{1,63}$/),
  kind: z.string().regex(/^[A-Za-z0-9_-]{1,63}$/),
  name: z.string().regex(/^[A-Za-z0-9._-]{1,63}$/),
});

/** Routes of the `ecs-ec2` plugin; the logic lives in the services it calls. */
export async function createRouter(
  deps: ReadEntityPictureDeps & { httpAuth: HttpAuthService },
): Promise<express.Router> {
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/entities/:namespace/:kind/:name', async (req, res) => {
    const parsed = entityParams.safeParse(req.params);
    if (!parsed.success) {
      throw new InputError(
        `Invalid entity reference in the path: ${parsed.error.issues
          .map(issue => `${issue.path.join('.')} ${issue.message}`)
          .join('; ')}. Use /entities/<namespace>/<kind>/<name>, for example /entities/default/component/web-api`,
      );
    }
    const credentials = await deps.httpAuth.credentials(req);
    const entityRef = stringifyEntityRef(parsed.data);

    const picture = await readEntityPicture(deps, entityRef, credentials);
    res.json(picture);
  });

  return router;
}
