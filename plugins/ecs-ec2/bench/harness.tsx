import { useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { wrapInTestApp } from '@backstage/test-utils';
import { EcsEntityPicture } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { EcsEntityPictureView } from '../src/components/EcsEc2Content';
import {
  gpuServicePicture,
  healthyServicePicture,
  largeServicePicture,
  rolledBackServicePicture,
} from '../src/testUtils';

const fixtures: Record<string, () => EcsEntityPicture> = {
  large: () => largeServicePicture(400, 2000),
  healthy: healthyServicePicture,
  rollback: rolledBackServicePicture,
  gpu: gpuServicePicture,
};

declare global {
  interface Window {
    /** Renders a fixture and resolves with ms from data arrival to the next paint. */
    showFixture: (name: string) => Promise<number>;
  }
}

let setPicture: (picture: EcsEntityPicture) => void = () => {};
let onCommit: () => void = () => {};

function Harness() {
  const [picture, setState] = useState<EcsEntityPicture>();
  setPicture = setState;
  useLayoutEffect(() => {
    if (picture) onCommit();
  }, [picture]);
  return picture ? <EcsEntityPictureView picture={picture} /> : null;
}

/** Resolves after the browser has painted the current DOM. */
function nextPaint(): Promise<void> {
  return new Promise(resolve =>
    requestAnimationFrame(() => setTimeout(resolve, 0)),
  );
}

window.showFixture = async (name: string) => {
  const picture = fixtures[name]();
  // The clock starts once the data exists, as when the response has been parsed.
  const start = performance.now();
  const committed = new Promise<void>(resolve => {
    onCommit = resolve;
  });
  setPicture(picture);
  await committed;
  await nextPaint();
  return performance.now() - start;
};

createRoot(document.getElementById('root')!).render(wrapInTestApp(<Harness />));
