import { expertPoolProjection } from './expert-pool/expert-pool.projection';
import { fundLedgerProjection } from './fund-ledger/fund-ledger.projection';
import { notificationsProjection } from './notifications/notifications.projection';
import type { Projection } from './projection';
import { selectionBoardProjection } from './selection-board/selection-board.projection';

/** Every projection the projector runs, in the order each batch reaches them. */
export const DEFAULT_PROJECTIONS: readonly Projection[] = [selectionBoardProjection, expertPoolProjection, notificationsProjection, fundLedgerProjection];
