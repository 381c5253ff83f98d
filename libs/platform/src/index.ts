export * from './app-config';
export * from './platform.tokens';
export * from './platform.module';
export * from './prepare-database';
export * from './stale-revision.error';
export * from './unit-of-work';
export * from './clock';
export * from './redacting-query-logger';
