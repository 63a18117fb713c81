import { useCallback, useEffect, useRef, useState } from 'react';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { EcsEntityPicture } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { ecsEc2ApiRef } from '../api';

/** State of the ECS picture of one entity, refreshed on an interval. */
export interface EcsEntityPictureState {
  picture?: EcsEntityPicture;
  /** Error of the latest request; the previous picture stays when a refresh fails. */
  error?: Error;
  loading: boolean;
  /** Browser time (ms since epoch) at which the shown picture arrived. */
  receivedAt?: number;
  /** Fetches the picture now. */
  refresh: () => void;
}

/**
 * Loads the ECS picture of an entity and loads it again every `intervalMs` while
 * `paused` is false. A request still in flight is aborted when a new one starts.
 */
export function useEcsEntityPicture(
  entityRef: CompoundEntityRef,
  options: { intervalMs: number; paused: boolean },
): EcsEntityPictureState {
  const api = useApi(ecsEc2ApiRef);
  const { namespace, kind, name } = entityRef;
  const [state, setState] = useState<Omit<EcsEntityPictureState, 'refresh'>>({
    loading: true,
  });
  const controller = useRef<AbortController>();

  const load = useCallback(() => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState(previous => ({ ...previous, loading: true }));

    api
      .getEntityPicture({ namespace, kind, name }, { signal: current.signal })
      .then(picture => {
        if (!current.signal.aborted) {
          setState({ picture, loading: false, receivedAt: Date.now() });
        }
      })
      .catch((error: Error) => {
        if (!current.signal.aborted) {
          setState(previous => ({ ...previous, error, loading: false }));
        }
      });
  }, [api, namespace, kind, name]);

  useEffect(() => {
    load();
    return () => controller.current?.abort();
  }, [load]);

  useEffect(() => {
    if (options.paused) {
      return undefined;
    }
    const timer = setInterval(load, options.intervalMs);
    return () => clearInterval(timer);
  }, [load, options.paused, options.intervalMs]);

  return { ...state, refresh: load };
}
