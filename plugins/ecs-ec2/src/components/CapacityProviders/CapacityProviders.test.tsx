import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { EcsCapacityProviderView } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { buildCapacityProvider, buildService } from '../../testUtils';
import { CapacityProviders } from './CapacityProviders';

async function renderProviders(providers: EcsCapacityProviderView[]) {
  await renderInTestApp(
    <CapacityProviders
      service={buildService({
        serviceName: 'web-api',
        capacityProviders: providers,
      })}
    />,
  );
}

describe('CapacityProviders', () => {
  it('shows the reservation against the target', async () => {
    await renderProviders([
      buildCapacityProvider({
        name: 'demo-on-demand',
        currentReservation: 85,
        targetCapacity: 90,
      }),
    ]);

    expect(
      screen.getByRole('meter', {
        name: 'Capacity provider reservation of demo-on-demand',
      }),
    ).toHaveAttribute('aria-valuenow', '85');
    expect(screen.getByText('reservation 85% · target 90%')).toBeInTheDocument();
  });

  it('explains a missing reservation', async () => {
    await renderProviders([
      buildCapacityProvider({
        name: 'demo-on-demand',
        currentReservation: undefined,
      }),
    ]);

    expect(
      screen.getByText(
        'no reservation data from CloudWatch in the last hour · target 100%',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
    expect(screen.queryByText(/unknown/)).not.toBeInTheDocument();
  });

  it('shows managed scaling off without a reservation', async () => {
    await renderProviders([
      buildCapacityProvider({
        name: 'demo-on-demand',
        managedScalingStatus: 'DISABLED',
      }),
    ]);

    expect(screen.getByText('Managed scaling off')).toBeInTheDocument();
    expect(screen.queryByText(/reservation/)).not.toBeInTheDocument();
  });
});
