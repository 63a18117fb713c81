import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { EcsEntityPicture } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { EcsServicePanel } from './EcsServicePanel';

/** The picture of an entity: warnings first, then one panel per service. */
export function EcsEntityPictureView(props: { picture: EcsEntityPicture }) {
  const { picture } = props;
  return (
    <>
      {picture.warnings.length > 0 && (
        <Box mb={2}>
          <Alert severity="warning" aria-label="Incomplete ECS data">
            <AlertTitle>Some ECS data could not be fetched</AlertTitle>
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {picture.warnings.map(warning => (
                <li
                  key={`${warning.code}-${warning.part}-${
                    warning.serviceArn ?? ''
                  }`}
                >
                  {warning.part}: {warning.message} ({warning.code})
                </li>
              ))}
            </ul>
          </Alert>
        </Box>
      )}
      {picture.services.length === 0 && (
        <Typography variant="body1">
          No ECS service was found for this entity.
        </Typography>
      )}
      {picture.services.map(service => (
        <Box key={service.serviceArn} mb={4}>
          <EcsServicePanel service={service} />
        </Box>
      ))}
    </>
  );
}
