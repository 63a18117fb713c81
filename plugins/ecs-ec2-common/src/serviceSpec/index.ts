export * from './schema';
export * from './derived';
