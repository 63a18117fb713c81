import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import {
  EcsContainerInstanceView,
  EcsServiceView,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { Section } from '../shared/Section';
import { UsageBar } from '../shared/UsageBar';
import {
  formatCpu,
  formatMemory,
  formatPercent,
  ratio,
} from '../../lib/format';
import { UtilizationChart } from './UtilizationChart';

const rowsPerPage = 10;

function cpuShare(instance: EcsContainerInstanceView): number {
  return ratio(
    instance.registered.cpu - instance.remaining.cpu,
    instance.registered.cpu,
  );
}

function ReservedCell(props: {
  label: string;
  reserved: number;
  registered: number;
  format: (value: number) => string;
}) {
  const share = ratio(props.reserved, props.registered);
  return (
    <TableCell style={{ minWidth: 150 }}>
      <UsageBar label={props.label} value={share} />
      {props.format(props.reserved)} of {props.format(props.registered)} (
      {formatPercent(share)})
    </TableCell>
  );
}

/**
 * Reserved against registered CPU, memory and GPUs per instance, busiest first,
 * and CloudWatch utilization of the service and of one chosen instance.
 */
export function InstanceUtilization(props: { service: EcsServiceView }) {
  const { service } = props;
  const instances = useMemo(
    () =>
      [...service.containerInstances].sort((a, b) => cpuShare(b) - cpuShare(a)),
    [service.containerInstances],
  );
  const hasGpus = instances.some(instance => instance.registered.gpus > 0);
  const [page, setPage] = useState(0);
  const [chosenArn, setChosenArn] = useState<string>();
  const chosen =
    instances.find(instance => instance.containerInstanceArn === chosenArn) ??
    instances.find(instance => instance.metrics);

  return (
    <Section
      title="Instance utilization"
      regionLabel={`Instance utilization ${service.serviceName}`}
    >
      <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
        <UtilizationChart
          title={`Service ${service.serviceName} utilization, last hour`}
          series={service.metrics.service}
        />
        {chosen && (
          <UtilizationChart
            title={`Instance ${chosen.ec2InstanceId} utilization, last hour`}
            series={chosen.metrics}
          />
        )}
      </Box>
      <Table size="small" aria-label="Reserved resources per instance">
        <TableHead>
          <TableRow>
            <TableCell>Instance</TableCell>
            <TableCell>Type</TableCell>
            <TableCell>CPU reserved</TableCell>
            <TableCell>Memory reserved</TableCell>
            {hasGpus && <TableCell>GPUs reserved</TableCell>}
            <TableCell>Tasks</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {instances
            .slice(page * rowsPerPage, (page + 1) * rowsPerPage)
            .map(instance => (
              <TableRow
                key={instance.containerInstanceArn}
                selected={instance === chosen}
              >
                <TableCell>
                  <Link
                    component="button"
                    variant="body2"
                    aria-label={`Show utilization chart of ${instance.ec2InstanceId}`}
                    onClick={() => setChosenArn(instance.containerInstanceArn)}
                  >
                    {instance.ec2InstanceId}
                  </Link>
                </TableCell>
                <TableCell>{instance.instanceType ?? '–'}</TableCell>
                <ReservedCell
                  label={`CPU reserved on ${instance.ec2InstanceId}`}
                  reserved={instance.registered.cpu - instance.remaining.cpu}
                  registered={instance.registered.cpu}
                  format={formatCpu}
                />
                <ReservedCell
                  label={`Memory reserved on ${instance.ec2InstanceId}`}
                  reserved={
                    instance.registered.memoryMiB - instance.remaining.memoryMiB
                  }
                  registered={instance.registered.memoryMiB}
                  format={formatMemory}
                />
                {hasGpus && (
                  <ReservedCell
                    label={`GPUs reserved on ${instance.ec2InstanceId}`}
                    reserved={
                      instance.registered.gpus - instance.remaining.gpus
                    }
                    registered={instance.registered.gpus}
                    format={String}
                  />
                )}
                <TableCell>
                  {instance.runningTasksCount} running
                  {instance.pendingTasksCount > 0
                    ? `, ${instance.pendingTasksCount} pending`
                    : ''}
                </TableCell>
              </TableRow>
            ))}
        </TableBody>
      </Table>
      {instances.length > rowsPerPage && (
        <TablePagination
          component="div"
          count={instances.length}
          page={page}
          rowsPerPage={rowsPerPage}
          rowsPerPageOptions={[rowsPerPage]}
          onPageChange={(_event, next) => setPage(next)}
        />
      )}
    </Section>
  );
}
