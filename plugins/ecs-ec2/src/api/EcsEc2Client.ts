import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { EcsEntityPicture } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { EcsEc2Api } from './EcsEc2Api';

/**
 * Default {@link EcsEc2Api} that calls the `ecs-ec2` backend plugin.
 *
 * @public
 */
export class EcsEc2Client implements EcsEc2Api {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityPicture(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<EcsEntityPicture> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ecs-ec2');
    const path = [entityRef.namespace, entityRef.kind, entityRef.name]
      .map(part => encodeURIComponent(part))
      .join('/');

    const response = await this.fetchApi.fetch(`${baseUrl}/entities/${path}`, {
      signal: options?.signal,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as EcsEntityPicture;
  }
}
