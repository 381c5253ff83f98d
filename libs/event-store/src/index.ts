export * from './event-store.port';
export * from './errors';
export * from './expected-state';
export * from './global-position';
export * from './recorded-event';
export * from './subscription/checkpoint-store';
export { SubscriptionTimeoutError } from './subscription/catch-up-subscription';
export * from './postgres/postgres-event-store';
export * from './postgres/event-store.migrations';
