import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { EcsServiceEvent } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { formatTime } from '../../lib/format';

/** Service events, newest first, as ECS returns them. */
export function ServiceEvents(props: { events: EcsServiceEvent[] }) {
  // ECS may return an event without a message, and an empty row tells the reader nothing.
  const events = props.events.filter(event => event.message.trim() !== '');
  if (events.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No recent service events.
      </Typography>
    );
  }
  return (
    <List dense aria-label="Service events">
      {events.map(event => (
        <ListItem key={event.id} divider>
          <ListItemText
            primary={event.message}
            secondary={formatTime(event.createdAt)}
          />
        </ListItem>
      ))}
    </List>
  );
}
