export { ecsEc2ApiRef } from './EcsEc2Api';
export type { EcsEc2Api } from './EcsEc2Api';
export { EcsEc2Client } from './EcsEc2Client';
