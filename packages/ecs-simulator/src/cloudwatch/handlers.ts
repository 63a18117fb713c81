import { AwsError } from '../protocol/errors';
import type { OperationHandler, RequestContext } from '../protocol/context';
import { metricSeries } from './metrics';

/** GetMetricData takes at most 500 queries per call. */
const MAX_METRIC_DATA_QUERIES = 500;
/**
 * Queries computed between two turns of the event loop. A call of 500 queries over an
 * hour computes 30,000 points; AWS serves other calls meanwhile, and so does the
 * simulator by yielding after every chunk.
 */
const QUERIES_PER_TURN = 50;

const nextTurn = () => new Promise(resolve => setImmediate(resolve));

const validationError = (message: string) => new AwsError('InvalidParameterValue', message);

interface MetricWindow {
  start: number;
  end: number;
  maxDatapoints: number;
  ascending: boolean;
}

/** Computes the result of one query of a GetMetricData call. */
function metricDataResult(context: RequestContext, query: any, window: MetricWindow) {
  const { start, end, maxDatapoints, ascending } = window;

  if (!query.Id || !/^[a-z][a-zA-Z0-9_]*$/.test(query.Id)) {
    throw validationError(`Invalid Id ${query.Id}: it must start with a lowercase letter and contain only letters, digits and underscores.`);
  }
  if (!query.MetricStat) {
    // NOTE: metric math expressions are not evaluated; they return an empty series.
    return { Id: query.Id, Label: query.Label ?? query.Id, Timestamps: [], Values: [], StatusCode: 'Complete', Messages: [] };
  }

  const metric = query.MetricStat.Metric ?? {};
  const period = Number(query.MetricStat.Period ?? 60) * 1000;
  const dimensions = Object.fromEntries((metric.Dimensions ?? []).map((d: any) => [d.Name, d.Value]));
  const timestamps: number[] = [];
  const values: number[] = [];
  const series = metricSeries(context.region, {
    namespace: metric.Namespace,
    metricName: metric.MetricName,
    dimensions,
    stat: query.MetricStat.Stat,
  });

  const firstBucket = Math.ceil(start / period) * period;
  for (let bucket = firstBucket; series && bucket < end && timestamps.length < maxDatapoints; bucket += period) {
    const value = series(bucket);
    if (value === undefined) {
      break;
    }
    timestamps.push(bucket / 1000);
    values.push(value);
  }

  if (!ascending) {
    timestamps.reverse();
    values.reverse();
  }
  return {
    Id: query.Id,
    Label: query.Label ?? metric.MetricName,
    Timestamps: timestamps,
    Values: values,
    StatusCode: 'Complete',
  };
}

/** The CloudWatch operations the simulator implements, by operation name. */
export const cloudWatchHandlers: Record<string, OperationHandler> = {
  async GetMetricData(context, input) {
    const queries: any[] = input.MetricDataQueries ?? [];
    if (queries.length === 0) {
      throw validationError('MetricDataQueries must contain at least one query.');
    }
    if (queries.length > MAX_METRIC_DATA_QUERIES) {
      throw validationError(`The collection MetricDataQueries must not have a size greater than ${MAX_METRIC_DATA_QUERIES}.`);
    }
    const start = Number(input.StartTime) * 1000;
    const end = Math.min(Number(input.EndTime) * 1000, context.world.time);
    if (!Number.isFinite(start) || !Number.isFinite(end)) {
      throw validationError('StartTime and EndTime are required.');
    }
    if (Number(input.StartTime) * 1000 >= Number(input.EndTime) * 1000) {
      throw validationError('The parameter StartTime must be less than the parameter EndTime.');
    }
    const maxDatapoints: number = input.MaxDatapoints ?? 100_800;
    const ascending = input.ScanBy === 'TimestampAscending';

    const results: any[] = [];
    for (const [index, query] of queries.entries()) {
      if (index > 0 && index % QUERIES_PER_TURN === 0) {
        await nextTurn();
      }
      results.push(metricDataResult(context, query, { start, end, maxDatapoints, ascending }));
    }

    return { MetricDataResults: results.filter((_, i) => queries[i].ReturnData !== false), Messages: [] };
  },
};
