import Chip from '@material-ui/core/Chip';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import AutorenewIcon from '@material-ui/icons/Autorenew';
import { okabeIto } from '../../lib/palette';

const looks = {
  COMPLETED: { colour: okabeIto.bluishGreen, icon: <CheckCircleIcon /> },
  IN_PROGRESS: { colour: okabeIto.skyBlue, icon: <AutorenewIcon /> },
  FAILED: { colour: okabeIto.vermillion, icon: <ErrorIcon /> },
} as const;

/** Rollout state as a chip with an icon and the state's name. */
export function RolloutChip(props: {
  state: 'COMPLETED' | 'IN_PROGRESS' | 'FAILED';
}) {
  const look = looks[props.state];
  return (
    <Chip
      size="small"
      icon={look.icon}
      label={props.state.replace('_', ' ')}
      style={{
        background: look.colour,
        // Black text keeps a contrast of at least 4.5:1 on all three colours.
        color: '#000',
      }}
    />
  );
}
