import { CreateAccounts1764100100000 } from './migrations/1764100100000-create-accounts';

export const ACCOUNTS_SCHEMA = { tableName: 'accounts_migrations', migrations: [CreateAccounts1764100100000] } as const;
