import { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { EcsEntityPicture } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { EcsEc2Api, ecsEc2ApiRef } from '../api';
import { healthyServicePicture } from '../testUtils';
import { useEcsEntityPicture } from './useEcsEntityPicture';

const entityRef = { kind: 'Component', namespace: 'default', name: 'web-api' };

function renderPicture(api: EcsEc2Api, paused: boolean) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[ecsEc2ApiRef, api]]}>{children}</TestApiProvider>
  );
  return renderHook(
    props =>
      useEcsEntityPicture(entityRef, {
        intervalMs: 15_000,
        paused: props.paused,
      }),
    { wrapper, initialProps: { paused } },
  );
}

describe('useEcsEntityPicture', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('refreshes on the interval and keeps the picture when a refresh fails', async () => {
    const picture: EcsEntityPicture = healthyServicePicture();
    const getEntityPicture = jest
      .fn()
      .mockResolvedValueOnce(picture)
      .mockRejectedValueOnce(
        new Error('Request failed with 503 Service Unavailable'),
      );
    const { result } = renderPicture({ getEntityPicture }, false);

    await waitFor(() => expect(result.current.picture).toBe(picture));
    expect(getEntityPicture).toHaveBeenCalledTimes(1);

    await act(async () => {
      jest.advanceTimersByTime(15_000);
    });

    await waitFor(() => expect(result.current.error?.message).toContain('503'));
    expect(getEntityPicture).toHaveBeenCalledTimes(2);
    expect(result.current.picture).toBe(picture);
  });

  it('stops refreshing while paused', async () => {
    const getEntityPicture = jest
      .fn()
      .mockResolvedValue(healthyServicePicture());
    const { result } = renderPicture({ getEntityPicture }, true);

    await waitFor(() => expect(result.current.picture).toBeDefined());
    await act(async () => {
      jest.advanceTimersByTime(60_000);
    });

    expect(getEntityPicture).toHaveBeenCalledTimes(1);
  });
});
