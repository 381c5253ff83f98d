import { NotificationAddresses1764600100000 } from './migrations/1764600100000-notification-addresses';

/** Migrated after the accounts (its tables refer to them) and beside the read models' outbox. */
export const NOTIFICATIONS_SCHEMA = { tableName: 'notifications_migrations', migrations: [NotificationAddresses1764600100000] } as const;
