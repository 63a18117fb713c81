import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  EcsCapacityProviderView,
  EcsServiceView,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { Section } from '../shared/Section';
import { UsageBar } from '../shared/UsageBar';

function strategyText(service: EcsServiceView, name: string): string {
  const item = service.launch.capacityProviderStrategy.find(
    entry => entry.capacityProvider === name,
  );
  return item ? `weight ${item.weight}, base ${item.base}` : 'not in strategy';
}

function ScalingCell(props: { provider: EcsCapacityProviderView }) {
  const { provider } = props;
  if (provider.managedScalingStatus !== 'ENABLED') {
    return <TableCell>Managed scaling off</TableCell>;
  }
  const target = provider.targetCapacity;
  const reservation = provider.currentReservation;
  return (
    <TableCell style={{ minWidth: 180 }}>
      {reservation !== undefined && (
        // Reservation can pass 100% while managed scaling launches instances.
        <UsageBar
          label={`Capacity provider reservation of ${provider.name}`}
          value={reservation / 100}
          target={target !== undefined ? target / 100 : undefined}
        />
      )}
      {/* The backend leaves the reservation out when CloudWatch returned no
          CapacityProviderReservation point for the last hour. */}
      <Typography variant="caption" component="div">
        {reservation !== undefined
          ? `reservation ${Math.round(reservation)}%`
          : 'no reservation data from CloudWatch in the last hour'}
        {' · '}target {target !== undefined ? `${target}%` : 'unknown'}
      </Typography>
    </TableCell>
  );
}

/** Managed scaling, Auto Scaling group counts and Spot mix of each capacity provider. */
export function CapacityProviders(props: { service: EcsServiceView }) {
  const { service } = props;
  const launchType = service.launch.launchType;

  return (
    <Section
      title="Capacity providers"
      regionLabel={`Capacity providers ${service.serviceName}`}
    >
      {launchType && (
        <Typography variant="body2">
          The service uses the {launchType} launch type instead of a capacity
          provider strategy.
        </Typography>
      )}
      {service.capacityProviders.length === 0 ? (
        <Typography variant="body2">No capacity providers.</Typography>
      ) : (
        <Table size="small" aria-label="Capacity providers">
          <TableHead>
            <TableRow>
              <TableCell>Capacity provider</TableCell>
              <TableCell>Strategy</TableCell>
              <TableCell>Managed scaling</TableCell>
              <TableCell>Auto Scaling group</TableCell>
              <TableCell>Spot / On-Demand</TableCell>
              <TableCell>Instance types</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {service.capacityProviders.map(provider => {
              const group = provider.autoScalingGroup;
              return (
                <TableRow key={provider.name}>
                  <TableCell>
                    {provider.name}{' '}
                    {provider.hasGpu && (
                      <Chip size="small" variant="outlined" label="GPU" />
                    )}
                  </TableCell>
                  <TableCell>{strategyText(service, provider.name)}</TableCell>
                  <ScalingCell provider={provider} />
                  <TableCell>
                    {group ? (
                      <>
                        {group.name}
                        <Typography variant="caption" component="div">
                          desired {group.desiredCapacity} · in service{' '}
                          {group.inServiceCount} · min {group.minSize} · max{' '}
                          {group.maxSize}
                        </Typography>
                      </>
                    ) : (
                      'unknown'
                    )}
                  </TableCell>
                  <TableCell>
                    {group
                      ? `${group.spotCount} Spot / ${group.onDemandCount} On-Demand${
                          group.unknownLifecycleCount
                            ? ` / ${group.unknownLifecycleCount} unknown`
                            : ''
                        }`
                      : '–'}
                    {group?.onDemandBaseCapacity !== undefined && (
                      <Typography variant="caption" component="div">
                        On-Demand base {group.onDemandBaseCapacity}, then{' '}
                        {group.onDemandPercentageAboveBaseCapacity ?? 100}%
                        On-Demand
                        {group.spotAllocationStrategy
                          ? `, Spot ${group.spotAllocationStrategy}`
                          : ''}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    {group?.instanceTypes.join(', ') || '–'}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
