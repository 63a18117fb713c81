import { render, screen } from '@testing-library/react';
import { buildContainerInstance } from '../../testUtils';
import { InstanceBox } from './InstanceBox';

function renderBox(lifecycle?: 'SPOT' | 'ON_DEMAND') {
  const instance = buildContainerInstance({
    ec2InstanceId: 'i-0box000000000000',
    lifecycle: undefined,
  });
  render(
    <InstanceBox
      placed={{ instance, tasks: [], lifecycle }}
      deployments={[]}
      onSelectTask={() => {}}
      onSelectTasks={() => {}}
    />,
  );
}

describe('InstanceBox', () => {
  it('shows the inferred lifecycle in the badge and the accessible name', () => {
    renderBox('ON_DEMAND');
    expect(
      screen.getByRole('group', {
        name: 'i-0box000000000000, m6i.large, On-Demand, ACTIVE, 0 tasks',
      }),
    ).toHaveTextContent('On-Demand');
  });

  it('shows no lifecycle when it is unknown', () => {
    renderBox(undefined);
    const box = screen.getByRole('group', {
      name: 'i-0box000000000000, m6i.large, ACTIVE, 0 tasks',
    });
    expect(box).not.toHaveTextContent(/lifecycle|On-Demand|Spot/);
  });

  it('keeps the full instance id in a tooltip when the card truncates it', () => {
    renderBox('SPOT');
    expect(screen.getByTitle('i-0box000000000000')).toHaveTextContent(
      'i-0box000000000000',
    );
  });
});
