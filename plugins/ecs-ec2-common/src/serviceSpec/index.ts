export * from './schema';
export * from './derived';
export * from './validate';
export * as serviceSpecRules from './rules';
