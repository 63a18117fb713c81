export { createLocalGitRouter } from './router';
export type { LocalGitRouterOptions } from './router';
export { LocalGitRepositories, DEFAULT_BRANCH } from './LocalGitRepositories';
export type { InitialCommit } from './LocalGitRepositories';
export {
  LOCAL_GIT_ROUTE_PREFIX,
  removeDefaultLocalGitDirectoryOnShutdown,
  resolveApplyUrl,
  resolveLocalGitDirectory,
} from './config';
export { assertValidRepositoryName, isValidRepositoryName } from './repositoryName';
