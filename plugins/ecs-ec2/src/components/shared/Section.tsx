import { ReactNode } from 'react';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';

/**
 * A card that is also a named region, so screen readers and browser tests find
 * each part of the tab by its title.
 */
export function Section(props: {
  title: string;
  /** Names the region when several services repeat the same title. */
  regionLabel?: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Box component="section" aria-label={props.regionLabel ?? props.title}>
      <InfoCard title={props.title} action={props.action}>
        {props.children}
      </InfoCard>
    </Box>
  );
}
