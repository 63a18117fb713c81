import { render, screen } from '@testing-library/react';
import { ServiceEvents } from './ServiceEvents';

describe('ServiceEvents', () => {
  it('says so when the service has no recent events', () => {
    render(<ServiceEvents events={[]} />);
    expect(screen.getByText('No recent service events.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('leaves out events without a message', () => {
    render(
      <ServiceEvents
        events={[
          { id: 'e1', createdAt: '2026-01-15T11:00:00Z', message: '' },
          {
            id: 'e2',
            createdAt: '2026-01-15T10:00:00Z',
            message: '(service checkout) has reached a steady state.',
          },
        ]}
      />,
    );
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('shows only the placeholder when every event is empty', () => {
    render(
      <ServiceEvents
        events={[{ id: 'e1', createdAt: '2026-01-15T11:00:00Z', message: ' ' }]}
      />,
    );
    expect(screen.getByText('No recent service events.')).toBeInTheDocument();
  });
});
