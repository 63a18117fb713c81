import { memo, useState } from 'react';
import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import {
  EcsDeploymentView,
  EcsTaskView,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { PlacedInstance, PlacementGroup } from '../../lib/placement';
import { InstanceBox } from './InstanceBox';

/** Instances an expanded group shows before a "Show all" button. */
const initialInstanceLimit = 48;

const useStyles = makeStyles(theme => ({
  group: {
    marginBottom: theme.spacing(1.5),
  },
  header: {
    textTransform: 'none',
  },
  instances: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1),
  },
}));

/** A capacity provider and Availability Zone, collapsible, with its instances. */
function PlacementGroupContent(props: {
  group: PlacementGroup;
  /** Instances left after the filter; the group header counts all of them. */
  instances: PlacedInstance[];
  expanded: boolean;
  onToggle: (key: string) => void;
  deployments: EcsDeploymentView[];
  onSelectTask: (task: EcsTaskView) => void;
  onSelectTasks: (title: string, tasks: EcsTaskView[]) => void;
}) {
  const classes = useStyles();
  const { group, instances, expanded } = props;
  const [showAll, setShowAll] = useState(false);
  const spot = group.instances.filter(p => p.lifecycle === 'SPOT').length;
  const shown = showAll ? instances : instances.slice(0, initialInstanceLimit);
  const title = `${group.capacityProviderName} · ${group.availabilityZone}: ${
    group.instances.length
  } instance${group.instances.length === 1 ? '' : 's'} (${spot} Spot, ${
    group.instances.length - spot
  } On-Demand), ${group.taskCount} task${group.taskCount === 1 ? '' : 's'}`;

  return (
    <div className={classes.group}>
      <Button
        size="small"
        className={classes.header}
        aria-expanded={expanded}
        startIcon={expanded ? <ExpandMoreIcon /> : <ChevronRightIcon />}
        onClick={() => props.onToggle(group.key)}
      >
        {title}
      </Button>
      {expanded && (
        <>
          <div className={classes.instances}>
            {shown.map(placed => (
              <InstanceBox
                key={placed.instance.containerInstanceArn}
                placed={placed}
                deployments={props.deployments}
                onSelectTask={props.onSelectTask}
                onSelectTasks={props.onSelectTasks}
              />
            ))}
          </div>
          {instances.length > shown.length && (
            <Button
              size="small"
              variant="outlined"
              onClick={() => setShowAll(true)}
            >
              Show all {instances.length} instances of this group
            </Button>
          )}
        </>
      )}
    </div>
  );
}

export const PlacementGroupView = memo(PlacementGroupContent);
