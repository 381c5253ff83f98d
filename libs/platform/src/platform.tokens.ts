/** Injection tokens for what the process opens before Nest starts. */
export const DATABASE_LOCATION = Symbol('DATABASE_LOCATION');
export const PG_POOL = Symbol('PG_POOL');
export const APP_CONFIG = Symbol('APP_CONFIG');
