import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { EcsServiceView } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { Section } from '../shared/Section';
import { HeadroomVerdict, resourceNouns } from '../../lib/headroom';

/** The title of a fitting verdict, in the same count as the detail below it. */
export function roomTitle(additionalTasks: number): string {
  if (additionalTasks === 1) {
    return 'Room for one more task on the running instances';
  }
  return `Room for about ${additionalTasks} more tasks on the running instances`;
}

/** Whether the next task fits on the running instances, and what is short if not. */
export function Headroom(props: {
  service: EcsServiceView;
  headroom: HeadroomVerdict;
}) {
  const { headroom } = props;
  const shortText = headroom.shortResources
    .map(resource => resourceNouns[resource])
    .join(' and ');
  return (
    <Section
      title="Headroom for the next task"
      regionLabel={`Headroom ${props.service.serviceName}`}
    >
      <Alert
        severity={headroom.fits ? 'success' : 'warning'}
        aria-label="Headroom"
      >
        <AlertTitle>
          {headroom.fits
            ? roomTitle(headroom.additionalTasks)
            : `One more task does not fit${
                shortText ? `: not enough ${shortText}` : ''
              }`}
        </AlertTitle>
        {headroom.sentences.map(sentence => (
          <div key={sentence}>{sentence}</div>
        ))}
      </Alert>
    </Section>
  );
}
