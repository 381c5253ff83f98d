import { CreateAccounts1764100100000 } from './migrations/1764100100000-create-accounts';
import { AccountSessions1764400000000 } from './migrations/1764400000000-account-sessions';

export const ACCOUNTS_SCHEMA = { tableName: 'accounts_migrations', migrations: [CreateAccounts1764100100000, AccountSessions1764400000000] } as const;
