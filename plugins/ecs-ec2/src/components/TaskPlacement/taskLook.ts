import {
  EcsDeploymentView,
  EcsTaskView,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { deploymentOfTask } from '../../lib/placement';
import {
  deploymentColours,
  dotPattern,
  okabeIto,
  problemColour,
  stripePattern,
} from '../../lib/palette';

/** Drawing of a task: colour by deployment, pattern and text by health. */
export interface TaskLook {
  background: string;
  /** Text colour with a contrast of at least 4.5:1 on the background colour. */
  colour: string;
  /** Short visible text: a health mark and the revision, for example "! r42". */
  text: string;
  /** Health in words, for the accessible name and the legend. */
  healthText: string;
}

/** Returns the colour of a deployment, by its position in the service's list. */
export function colourOfDeployment(
  deployment: EcsDeploymentView | undefined,
  deployments: EcsDeploymentView[],
): string {
  if (!deployment) {
    return okabeIto.grey;
  }
  const index = deployments.indexOf(deployment);
  return deploymentColours[index % deploymentColours.length];
}

/** Returns black or white, whichever reads better on an Okabe-Ito colour. */
export function textColourOn(background: string): string {
  return background === okabeIto.blue ? '#fff' : '#000';
}

/** Decides how to draw a task. */
export function lookOfTask(
  task: EcsTaskView,
  deployments: EcsDeploymentView[],
): TaskLook {
  const colour = colourOfDeployment(
    deploymentOfTask(task, deployments),
    deployments,
  );
  const revision = `r${task.taskDefinitionRevision}`;

  if (task.healthStatus === 'UNHEALTHY') {
    return {
      background: `${stripePattern}, ${problemColour}`,
      colour: '#000',
      text: `! ${revision}`,
      healthText: 'unhealthy',
    };
  }
  if (task.lastStatus !== 'RUNNING') {
    return {
      background: `${dotPattern}, ${colour}`,
      colour: textColourOn(colour),
      text: `… ${revision}`,
      healthText: task.lastStatus.toLowerCase(),
    };
  }
  return {
    background: colour,
    colour: textColourOn(colour),
    text: revision,
    healthText: task.healthStatus === 'HEALTHY' ? 'healthy' : 'running',
  };
}

/** Returns the accessible name of a task slot. */
export function describeTask(task: EcsTaskView, look: TaskLook): string {
  const gpus = task.gpuIds.length > 0 ? `, GPU ${task.gpuIds.join(', ')}` : '';
  return `Task ${task.taskId}, revision ${task.taskDefinitionRevision}, ${look.healthText}${gpus}`;
}
