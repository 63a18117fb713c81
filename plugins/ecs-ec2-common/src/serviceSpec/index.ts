export * from './schema';
export * from './derived';
export * from './validate';
export { closestName } from './issueMessages';
export * as serviceSpecRules from './rules';
