import { CreateReadModels1764200000000 } from './migrations/1764200000000-create-read-models';
import { ReviewNoticeAwardReadModels1764300000000 } from './migrations/1764300000000-review-notice-award-read-models';
import { NotificationOutbox1764600000000 } from './migrations/1764600000000-notification-outbox';
import { FundLedgerReadModels1764700000000 } from './migrations/1764700000000-fund-ledger-read-models';
import { ObjectionEvidence1764800000000 } from './migrations/1764800000000-objection-evidence';

export const READ_MODELS_SCHEMA = {
  tableName: 'read_models_migrations',
  migrations: [
    CreateReadModels1764200000000,
    ReviewNoticeAwardReadModels1764300000000,
    NotificationOutbox1764600000000,
    FundLedgerReadModels1764700000000,
    ObjectionEvidence1764800000000,
  ],
} as const;
