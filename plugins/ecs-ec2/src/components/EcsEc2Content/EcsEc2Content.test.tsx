import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import { Entity } from '@backstage/catalog-model';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  MockFetchApi,
  TestApiProvider,
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EcsEntityPicture } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { EcsEc2Client, ecsEc2ApiRef } from '../../api';
import {
  gpuServicePicture,
  healthyServicePicture,
  largeServicePicture,
  idleServicePicture,
  rolledBackServicePicture,
} from '../../testUtils';
import { EcsEc2Content } from './EcsEc2Content';

const baseUrl = 'http://backstage.test/api/ecs-ec2';

const annotatedEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'web-api',
    annotations: {
      'ecs-ec2.io/service-arn':
        'arn:aws:ecs:us-east-1:123456789012:service/demo/web-api',
    },
  },
  spec: { type: 'service', owner: 'platform-team', lifecycle: 'production' },
};

const server = setupServer();
registerMswTestHooks(server);

function serve(picture: EcsEntityPicture) {
  server.use(
    rest.get(
      `${baseUrl}/entities/default/Component/web-api`,
      (_req, res, ctx) => res(ctx.json(picture)),
    ),
  );
}

async function renderTab(entity: Entity = annotatedEntity) {
  const client = new EcsEc2Client({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: new MockFetchApi(),
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [ecsEc2ApiRef, client],
        [discoveryApiRef, mockApis.discovery()],
        [fetchApiRef, new MockFetchApi()],
      ]}
    >
      <EntityProvider entity={entity}>
        <EcsEc2Content />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EcsEc2Content', () => {
  it('shows a healthy service with counts, rollout and placement', async () => {
    serve(healthyServicePicture());
    await renderTab();

    const summary = await screen.findByRole('region', {
      name: 'Service summary web-api',
    });
    expect(within(summary).getByLabelText('Task counts')).toHaveTextContent(
      '6 running / 6 desired',
    );
    expect(within(summary).getByText('web-api:3')).toBeInTheDocument();
    expect(
      within(summary).getByRole('link', {
        name: /^Open web-api in the AWS console/,
      }),
    ).toHaveAttribute(
      'href',
      expect.stringContaining('console.aws.amazon.com'),
    );

    expect(screen.getByLabelText('Rollout outcome')).toHaveTextContent(
      'Revision 3 COMPLETED',
    );
    expect(
      screen.getByRole('group', {
        name: /^i-0web000000000000, m6i.large, On-Demand/,
      }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Task web/ })).toHaveLength(
      6,
    );
    expect(
      screen.queryByLabelText('Concentration risk'),
    ).not.toBeInTheDocument();
    // The title counts the same tasks as the detail under it.
    expect(screen.getByLabelText('Headroom')).toHaveTextContent(
      'Room for about 21 more tasks on the running instances',
    );
    expect(screen.getByLabelText('Headroom')).toHaveTextContent(
      'About 21 more tasks of this size fit on the running instances.',
    );
    expect(screen.getByText(/Updated \d+ s ago/)).toBeInTheDocument();
  });

  it('renders service and instance utilization charts', async () => {
    serve(healthyServicePicture());
    await renderTab();

    const utilization = await screen.findByRole('region', {
      name: 'Instance utilization web-api',
    });
    expect(
      within(utilization).getByRole('figure', {
        name: 'Service web-api utilization, last hour',
      }),
    ).toBeInTheDocument();
    expect(
      within(utilization).getByRole('figure', {
        name: 'Instance i-0web000000000000 utilization, last hour',
      }),
    ).toBeInTheDocument();
    // The card's error boundary replaces a chart that throws with this panel.
    expect(screen.queryByText('Something Went Wrong')).not.toBeInTheDocument();
  });

  it('shows zero counts for an idle service', async () => {
    serve(idleServicePicture());
    await renderTab();

    const summary = await screen.findByRole('region', {
      name: 'Service summary idle-reports',
    });
    expect(within(summary).getByLabelText('Task counts')).toHaveTextContent(
      '0 running / 0 desired',
    );
    expect(
      screen.getByRole('region', { name: 'Deployments idle-reports' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Capacity providers idle-reports' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No tasks stopped in the last hour.'),
    ).toBeInTheDocument();
  });

  it('reports a rolled-back deployment as FAILED with the exit code of its tasks', async () => {
    serve(rolledBackServicePicture());
    await renderTab();

    const outcome = await screen.findByLabelText('Rollout outcome');
    expect(outcome).toHaveTextContent('Deployment of revision 42 FAILED');
    expect(outcome).toHaveTextContent('tasks failed to start');
    expect(outcome).toHaveTextContent('rolled back to revision 41');
    expect(outcome).toHaveTextContent('3 failed tasks');
    expect(outcome).not.toHaveTextContent('COMPLETED');

    const summary = screen.getByRole('region', {
      name: 'Service summary payments',
    });
    expect(within(summary).getByText('FAILED')).toBeInTheDocument();

    const stopped = screen.getByRole('table', { name: 'Stopped tasks' });
    expect(within(stopped).getAllByText('payments: exit code 1')).toHaveLength(
      3,
    );
    expect(
      within(stopped).getAllByText('Essential container in task exited'),
    ).toHaveLength(3);
  });

  it('shows the GPU ids of each task on a GPU service', async () => {
    serve(gpuServicePicture());
    await renderTab();

    expect(
      await screen.findByRole('button', { name: /GPU GPU-0a1b2c3d4$/ }),
    ).toBeInTheDocument();
    expect(screen.getByText(/r5 GPU GPU-3a1b2c3d4/)).toBeInTheDocument();
    expect(
      screen.getByRole('group', {
        name: /^i-0gpu000000000000, g4dn.xlarge, Spot/,
      }),
    ).toBeInTheDocument();
  });

  it('names the short resource when the next task does not fit', async () => {
    serve(gpuServicePicture());
    await renderTab();

    const headroom = await screen.findByLabelText('Headroom');
    expect(headroom).toHaveTextContent(
      'One more task does not fit: not enough GPUs',
    );
    expect(headroom).toHaveTextContent(
      'No instance has 1 GPU free; the largest free is 0 GPUs on i-0gpu000000000000 (g4dn.xlarge).',
    );
    expect(headroom).toHaveTextContent(
      'ml-gpu-spot is at its Auto Scaling group max of 3',
    );
    expect(headroom).toHaveTextContent(
      'Managed scaling of ml-gpu-on-demand can add instances up to max 10 (3 in service now).',
    );
  });

  it('shows backend warnings and still renders the services', async () => {
    const picture = healthyServicePicture();
    picture.warnings = [
      {
        code: 'ACCESS_DENIED',
        part: 'CloudWatch metrics of cluster demo',
        message:
          'The role may not call cloudwatch:GetMetricData; grant it to see utilization.',
      },
    ];
    serve(picture);
    await renderTab();

    const warning = await screen.findByLabelText('Incomplete ECS data');
    expect(warning).toHaveTextContent('CloudWatch metrics of cluster demo');
    expect(warning).toHaveTextContent('ACCESS_DENIED');
    expect(screen.getByLabelText('Task counts')).toHaveTextContent(
      '6 running / 6 desired',
    );
  });

  it('shows the missing annotation state for an entity without annotations', async () => {
    await renderTab({
      ...annotatedEntity,
      metadata: { name: 'plain', annotations: {} },
    });

    expect(
      await screen.findByText('ecs-ec2.io/service-arn', { selector: 'code' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: /Service summary/ }),
    ).not.toBeInTheDocument();
  });

  it('shows the error panel when the backend fails', async () => {
    server.use(
      rest.get(
        `${baseUrl}/entities/default/Component/web-api`,
        (_req, res, ctx) =>
          res(
            ctx.status(404),
            ctx.json({
              error: {
                name: 'NotFoundError',
                message: 'Service web-api was not found in cluster demo',
              },
              request: {
                method: 'GET',
                url: '/entities/default/Component/web-api',
              },
              response: { statusCode: 404 },
            }),
          ),
      ),
    );
    await renderTab();

    expect(
      await screen.findByText(/Request failed with 404 Not Found/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText('Service web-api was not found in cluster demo')[0],
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: /Service summary/ }),
    ).not.toBeInTheDocument();
  });

  it('opens the details of a task from the keyboard', async () => {
    serve(rolledBackServicePicture());
    await renderTab();
    const user = userEvent.setup();

    const slot = await screen.findByRole('button', {
      name: /^Task pay410000000000000000000000,/,
    });
    slot.focus();
    await user.keyboard('{Enter}');

    const dialog = await screen.findByRole('dialog', {
      name: 'Task pay410000000000000000000000',
    });
    expect(within(dialog).getByText('us-east-1a')).toBeInTheDocument();

    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    const stoppedLink = screen.getByRole('button', {
      name: 'Stopped task pay420000000000000000000000',
    });
    stoppedLink.focus();
    await user.keyboard('{Enter}');
    const stoppedDialog = await screen.findByRole('dialog', {
      name: 'Task pay420000000000000000000000',
    });
    expect(within(stoppedDialog).getByText('exit code 1')).toBeInTheDocument();
    expect(
      within(stoppedDialog).getByText('Error: payment gateway URL missing'),
    ).toBeInTheDocument();
  });

  it('pauses and resumes the automatic refresh', async () => {
    serve(healthyServicePicture());
    await renderTab();
    const user = userEvent.setup();

    await user.click(
      await screen.findByRole('button', { name: 'Pause automatic refresh' }),
    );
    expect(screen.getByText(/automatic refresh paused/)).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', { name: 'Resume automatic refresh' }),
    );
    expect(screen.getByText(/refreshes every 15 s/)).toBeInTheDocument();
  });

  it('collapses placement groups of a large cluster', async () => {
    serve(largeServicePicture(400, 2000));
    await renderTab();
    const user = userEvent.setup();

    const placement = await screen.findByRole('region', {
      name: 'Task placement bulk',
    });
    const headers = within(placement).getAllByRole('button', {
      name: /^scale-pool-\d+ · us-east-1[abc]: /,
    });
    expect(headers).toHaveLength(36);
    for (const header of headers) {
      expect(header).toHaveAttribute('aria-expanded', 'false');
    }
    expect(within(placement).queryAllByRole('group')).toHaveLength(0);

    await user.click(headers[0]);
    expect(headers[0]).toHaveAttribute('aria-expanded', 'true');
    expect(within(placement).getAllByRole('group').length).toBeGreaterThan(0);
  });
});
