import { CreateEventStore1764100000000 } from './migrations/1764100000000-create-event-store';
import { AppendStreams1764900000000 } from './migrations/1764900000000-append-streams';
import { CreateSnapshots1765300000000 } from './migrations/1765300000000-create-snapshots';
import { HashChain1766000000000 } from './migrations/1766000000000-hash-chain';
import { SetBasedAppend1767000000000 } from './migrations/1767000000000-set-based-append';

/** The event store's schema, in order; run by the database module with TypeORM's migration runner. */
export const eventStoreMigrations = [
  CreateEventStore1764100000000,
  AppendStreams1764900000000,
  CreateSnapshots1765300000000,
  HashChain1766000000000,
  SetBasedAppend1767000000000,
];
