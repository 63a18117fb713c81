import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { ecsEc2ApiRef } from './api';
import { EcsEc2Content } from './components/EcsEc2Content';
import * as scenarios from './testUtils/scenarios';
import { MockEcsEc2Api } from './testUtils';

const entity: any = {
  apiVersion: 'backstage.io/v1alpha1', kind: 'Component',
  metadata: { name: 'web-api', annotations: { 'ecs-ec2.io/service-arn': 'arn:aws:ecs:us-east-1:123456789012:service/demo/web-api' } },
  spec: {},
};

describe('explore', () => {
  for (const [name, make] of Object.entries(scenarios)) {
    it(`renders ${name}`, async () => {
      jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ width: 600, height: 180, top: 0, left: 0, right: 600, bottom: 180, x: 0, y: 0, toJSON() {} } as DOMRect);
      const errors: string[] = [];
      const orig = console.error;
      jest.spyOn(console, 'error').mockImplementation((...args: any[]) => { errors.push(args.map(String).join(' | ')); });
      const picture = (make as any)(...(name === 'largeServicePicture' ? [30, 500] : []));
      await renderInTestApp(
        <TestApiProvider apis={[[ecsEc2ApiRef, new MockEcsEc2Api(picture)]]}>
          <EntityProvider entity={entity}><EcsEc2Content /></EntityProvider>
        </TestApiProvider>,
      );
      await screen.findAllByRole('region');
      const user = userEvent.setup();
      const btns = screen.queryAllByRole('button', { name: /tasks of revision/ });
      if (btns[0]) { await user.click(btns[0]); }
      const items = screen.queryAllByRole('button', { name: /^Task / });
      if (items[0]) { await user.click(items[0]); }
      console.error = orig;
      process.stdout.write(`${name}: ${document.querySelectorAll('svg.recharts-surface').length} charts\n` + errors.filter(e => !/findDOMNode/.test(e)).map(e => e.slice(0, 600)).join('\n---\n') + '\n');
    });
  }
});
