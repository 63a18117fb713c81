import { render, screen } from '@testing-library/react';
import { buildUtilizationSeries } from '../../testUtils';
import { UtilizationChart } from './UtilizationChart';

describe('UtilizationChart', () => {
  beforeEach(() => {
    // jsdom has no layout, so every element measures 0 x 0 and recharts draws
    // nothing. The stub gives every element the box a browser gives the chart.
    jest
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockReturnValue(new DOMRect(0, 0, 640, 180));
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('draws CPU and memory lines', () => {
    const { container } = render(
      <UtilizationChart
        title="Service web-api utilization, last hour"
        series={buildUtilizationSeries(35, 55)}
      />,
    );

    expect(
      screen.getByRole('figure', {
        name: 'Service web-api utilization, last hour',
      }),
    ).toBeInTheDocument();
    expect(container.querySelectorAll('.recharts-line-curve')).toHaveLength(2);
    expect(screen.getByText('CPU utilization')).toBeInTheDocument();
    expect(screen.getByText('Memory utilization')).toBeInTheDocument();
  });

  it('states when CloudWatch has no points', () => {
    const { container } = render(
      <UtilizationChart
        title="Instance i-0web000000000000 utilization, last hour"
        series={{ cpu: [], memory: [] }}
      />,
    );

    expect(
      screen.getByText('No CloudWatch data for the last hour.'),
    ).toBeInTheDocument();
    expect(container.querySelector('.recharts-wrapper')).toBeNull();
  });
});
