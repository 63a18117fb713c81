import { makeStyles } from '@material-ui/core/styles';
import { okabeIto } from '../../lib/palette';

const useStyles = makeStyles(theme => ({
  track: {
    position: 'relative',
    height: 10,
    minWidth: 60,
    borderRadius: 2,
    background: theme.palette.type === 'dark' ? '#444' : '#e6e6e6',
    overflow: 'hidden',
  },
  fill: {
    height: '100%',
  },
  marker: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    width: 2,
    background: theme.palette.text.primary,
  },
}));

/**
 * A horizontal meter of a share from 0 to 1, with an optional target marker. The
 * caller shows the figures as text next to it, so the bar is never the only cue.
 */
export function UsageBar(props: {
  label: string;
  value: number;
  target?: number;
  colour?: string;
}) {
  const classes = useStyles();
  const share = Math.max(0, Math.min(1, props.value));
  return (
    <div
      className={classes.track}
      role="meter"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(share * 100)}
    >
      <div
        className={classes.fill}
        style={{
          width: `${share * 100}%`,
          background:
            props.colour ??
            (share >= 0.9 ? okabeIto.vermillion : okabeIto.blue),
        }}
      />
      {props.target !== undefined && (
        <div
          className={classes.marker}
          style={{ left: `${Math.min(1, props.target) * 100}%` }}
        />
      )}
    </div>
  );
}
