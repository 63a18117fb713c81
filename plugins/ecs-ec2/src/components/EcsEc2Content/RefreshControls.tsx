import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import PauseIcon from '@material-ui/icons/Pause';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import RefreshIcon from '@material-ui/icons/Refresh';
import { formatAge } from '../../lib/format';

/**
 * "Updated N s ago" with pause and refresh buttons. It ticks on its own timer so
 * that the rest of the tab does not re-render every second.
 */
export function RefreshControls(props: {
  receivedAt?: number;
  loading: boolean;
  paused: boolean;
  intervalSeconds: number;
  onTogglePause: () => void;
  onRefresh: () => void;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const pauseLabel = props.paused
    ? 'Resume automatic refresh'
    : 'Pause automatic refresh';
  return (
    <Box display="flex" alignItems="center" justifyContent="flex-end" mb={1}>
      <Typography
        variant="body2"
        color="textSecondary"
        aria-label="Last update"
      >
        {props.receivedAt
          ? `Updated ${formatAge(
              props.receivedAt,
              Math.max(now, props.receivedAt),
            )}`
          : 'Loading…'}
        {props.paused
          ? ' · automatic refresh paused'
          : ` · refreshes every ${props.intervalSeconds} s`}
      </Typography>
      <Tooltip title={pauseLabel}>
        <IconButton aria-label={pauseLabel} onClick={props.onTogglePause}>
          {props.paused ? <PlayArrowIcon /> : <PauseIcon />}
        </IconButton>
      </Tooltip>
      <Tooltip title="Refresh now">
        <span>
          <IconButton
            aria-label="Refresh now"
            onClick={props.onRefresh}
            disabled={props.loading}
          >
            <RefreshIcon />
          </IconButton>
        </span>
      </Tooltip>
    </Box>
  );
}
