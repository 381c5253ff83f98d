export * from './app-config';
export * from './platform.tokens';
export * from './platform.module';
export * from './prepare-database';
