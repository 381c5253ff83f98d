import { CreateEventStore1764100000000 } from './migrations/1764100000000-create-event-store';

/** The event store's schema, in order; run by the database module with TypeORM's migration runner. */
export const eventStoreMigrations = [CreateEventStore1764100000000];
