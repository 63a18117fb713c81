import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { EcsServiceEvent } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { formatTime } from '../../lib/format';

/** Service events, newest first, as ECS returns them. */
export function ServiceEvents(props: { events: EcsServiceEvent[] }) {
  if (props.events.length === 0) {
    return <p>No service events.</p>;
  }
  return (
    <List dense aria-label="Service events">
      {props.events.map(event => (
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
