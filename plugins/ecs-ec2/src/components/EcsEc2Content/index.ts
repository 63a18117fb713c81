export { EcsEc2Content } from './EcsEc2Content';
export type { EcsEc2ContentProps } from './EcsEc2Content';
export { EcsEntityPictureView } from './EcsEntityPictureView';
