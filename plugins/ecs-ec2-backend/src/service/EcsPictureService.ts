import {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { JsonValue } from '@backstage/types';
import {
  EcsEntityPicture,
  EcsWarning,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { AwsClients, unconfiguredAccountMessage } from '../aws/AwsClients';
import { warningFromError } from '../aws/awsWarnings';
import {
  ClusterGroup,
  ClusterServices,
  fetchClusterServices,
} from '../picture/fetchClusterServices';
import { readServiceTargets, ServiceTarget } from '../picture/serviceTargets';
import { CachedSingleFlight } from './singleFlight';

/** Bumped whenever the cached shape changes, so replicas on different versions do not mix. */
const CACHE_VERSION = 'v1';

interface CachedClusterServices extends ClusterServices {
  fetchedAt: string;
}

function groupByCluster(targets: ServiceTarget[]): ClusterGroup[] {
  const groups = new Map<string, ClusterGroup>();
  for (const target of targets) {
    const key = `${target.accountId}/${target.region}/${target.clusterName}`;
    const group = groups.get(key) ?? {
      accountId: target.accountId,
      region: target.region,
      clusterName: target.clusterName,
      targets: [],
    };
    group.targets.push(target);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Assembles the ECS picture of a catalog entity from the services its annotations name. */
export class EcsPictureService {
  private readonly flights: CachedSingleFlight;

  constructor(
    private readonly options: {
      clients: AwsClients;
      cache: CacheService;
      cacheTtlMs: number;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.flights = new CachedSingleFlight(options.cache, options.cacheTtlMs);
  }

  /**
   * Returns the picture of an entity the caller is already allowed to read. Only
   * the ARNs of the entity's own annotations are queried.
   */
  async getPicture(entity: Entity): Promise<EcsEntityPicture> {
    const entityRef = stringifyEntityRef(entity);
    const { targets, warnings, annotated } = readServiceTargets(entity);
    if (!annotated) {
      throw new NotFoundError(
        `Entity ${entityRef} has no ECS annotations; add ecs-ec2.io/service-arn with the service ARN`,
      );
    }
    if (targets.length === 0) {
      // Without a warning the annotations are valid but name a cluster only, as on a
      // cluster resource; the reason must still reach the caller.
      const reasons = warnings.length
        ? warnings.map(w => w.message).join(' ')
        : 'Its annotations name a cluster but no service: add ecs-ec2.io/service-name with the service names, or ecs-ec2.io/service-arn with service ARNs.';
      throw new InputError(`Entity ${entityRef} names no valid ECS service. ${reasons}`);
    }

    // Rejected before any credential lookup, because the annotation, not the operator, picks
    // the account, and credentials for an unlisted account would come from the
    // backend's own identity.
    const { clients } = this.options;
    const accountWarnings: EcsWarning[] = targets
      .filter(target => !clients.isAccountConfigured(target.accountId))
      .map(target => ({
        code: 'ACCESS_DENIED',
        part: `Service ${target.serviceName}`,
        message: unconfiguredAccountMessage(target.accountId),
        serviceArn: target.serviceArn,
      }));
    const readable = targets.filter(target =>
      clients.isAccountConfigured(target.accountId),
    );

    const groups = await Promise.all(
      groupByCluster(readable).map(group => this.loadGroup(group)),
    );
    const order = new Map(targets.map((target, i) => [target.serviceArn, i]));

    return {
      entityRef,
      fetchedAt:
        groups.map(group => group.fetchedAt).sort()[0] ??
        (this.options.now?.() ?? new Date()).toISOString(),
      services: groups
        .flatMap(group => group.services)
        .sort(
          (a, b) =>
            (order.get(a.serviceArn) ?? 0) - (order.get(b.serviceArn) ?? 0),
        ),
      warnings: [
        ...warnings,
        ...accountWarnings,
        ...groups.flatMap(group => group.warnings),
      ],
    };
  }

  private async loadGroup(group: ClusterGroup): Promise<CachedClusterServices> {
    const names = group.targets.map(target => target.serviceName).sort();
    const key = [
      'picture',
      CACHE_VERSION,
      group.accountId,
      group.region,
      group.clusterName,
      names.join(','),
    ].join(':');

    const cached = await this.flights.get(
      key,
      async () => (await this.fetchGroup(group)) as unknown as JsonValue,
    );
    return cached as unknown as CachedClusterServices;
  }

  private async fetchGroup(group: ClusterGroup): Promise<CachedClusterServices> {
    const now = this.options.now?.() ?? new Date();
    const fetchedAt = now.toISOString();
    let result: ClusterServices;
    try {
      const clients = await this.options.clients.forAccountRegion(
        group.accountId,
        group.region,
      );
      result = await fetchClusterServices(clients, group, this.options.logger, now);
    } catch (error) {
      // Reached when no credentials can be found for the account; the other
      // clusters of the entity are still shown.
      const warnings: EcsWarning[] = group.targets.map(target =>
        warningFromError(
          error,
          `Service ${target.serviceName}`,
          this.options.logger,
          target.serviceArn,
        ),
      );
      result = { services: [], warnings };
    }
    return { ...result, fetchedAt };
  }
}
