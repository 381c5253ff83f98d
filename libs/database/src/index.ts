export * from './embedded-postgres';
export * from './run-migrations';
export * from './database-location';
export * from './create-pool';
