import { useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import Typography from '@material-ui/core/Typography';
import { EcsUtilizationSeries } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { okabeIto } from '../../lib/palette';

interface ChartRow {
  time: number;
  cpu?: number;
  memory?: number;
}

function toRows(series: EcsUtilizationSeries): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  for (const point of series.cpu) {
    const time = Date.parse(point.timestamp);
    rows.set(time, { ...rows.get(time), time, cpu: point.value });
  }
  for (const point of series.memory) {
    const time = Date.parse(point.timestamp);
    rows.set(time, { ...rows.get(time), time, memory: point.value });
  }
  return [...rows.values()].sort((a, b) => a.time - b.time);
}

function formatClock(time: number): string {
  return new Date(time).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
  });
}

/**
 * CloudWatch CPU and memory utilization over the last hour. The two lines differ
 * in dash pattern as well as colour, and the legend names them.
 */
export function UtilizationChart(props: {
  title: string;
  series?: EcsUtilizationSeries;
}) {
  const rows = useMemo(
    () => (props.series ? toRows(props.series) : []),
    [props.series],
  );
  const latest = rows[rows.length - 1];

  return (
    <figure
      aria-label={props.title}
      style={{ margin: 0, minWidth: 280, flex: '1 1 320px' }}
    >
      <Typography variant="subtitle2" component="figcaption">
        {props.title}
        {latest
          ? ` (latest: CPU ${latest.cpu?.toFixed(0) ?? '–'}%, memory ${
              latest.memory?.toFixed(0) ?? '–'
            }%)`
          : ''}
      </Typography>
      {rows.length === 0 ? (
        <Typography variant="body2">
          No CloudWatch data for the last hour.
        </Typography>
      ) : (
        <ResponsiveContainer width="100%" height={180}>
          <LineChart
            data={rows}
            margin={{ top: 8, right: 16, left: 0, bottom: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="time"
              type="number"
              domain={['dataMin', 'dataMax']}
              tickFormatter={formatClock}
            />
            <YAxis domain={[0, 100]} unit="%" width={48} />
            <Tooltip
              labelFormatter={value => formatClock(Number(value))}
              formatter={(value: number) => `${value.toFixed(1)}%`}
            />
            <Legend />
            <Line
              type="monotone"
              dataKey="cpu"
              name="CPU utilization"
              stroke={okabeIto.blue}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="memory"
              name="Memory utilization"
              stroke={okabeIto.orange}
              strokeDasharray="6 3"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
