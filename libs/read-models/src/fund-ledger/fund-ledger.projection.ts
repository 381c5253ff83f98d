import type { EntityManager } from 'typeorm';
import type { GlobalPosition } from '@app/event-store';
import { evolveNationalGrant, ledgerLinesOf } from '@app/domain/funds';
import type { FundStreamEvent, LedgerLine, NationalGrantEvent, NationalGrantState } from '@app/domain/funds';
import { asDomainEvent, loadFoldedState } from '../folded-state';
import type { Projection } from '../projection';

/**
 * rm_fund_lines, rm_fund_budgets, rm_fund_summary: the one fund ledger for lists, charts and exports.
 * Lines come from every organisation's fund stream (FundEntryRecorded of the selections, FundLineRecorded
 * of the other measures), budgets from the 算力券 calls (VoucherCallOpened). Each line is upserted by
 * its id, and the summary row of every (year, measure) a batch touched is recomputed from the lines and
 * budgets — derived, never incremented, so a replay leaves the same rows.
 */
export const fundLedgerProjection: Projection = {
  name: 'fund-ledger',
  version: 1,
  categories: ['fund', 'compute', 'national'],
  tables: ['rm_fund_lines', 'rm_fund_budgets', 'rm_fund_summary', 'rm_fund_applications'],
  async handle(events, manager) {
    const applications = new Map<string, NationalGrantState>();
    const appliedAt = new Map<string, string>();
    const touched = new Map<string, { year: number; measure: string }>();
    const touch = (year: number, measure: string) => touched.set(`${year}|${measure}`, { year, measure });
    for (const event of events) {
      if (event.type === 'VoucherCallOpened') {
        const call = event.data as { callId: string; year: number; budgetFen: number };
        await manager.query(
          `INSERT INTO rm_fund_budgets (year, measure, budget_fen, source_id) VALUES ($1, 'compute-voucher', $2, $3)
           ON CONFLICT (year, measure) DO UPDATE SET budget_fen = EXCLUDED.budget_fen, source_id = EXCLUDED.source_id`,
          [call.year, call.budgetFen, call.callId],
        );
        touch(call.year, 'compute-voucher');
        continue;
      }
      if (event.streamId.startsWith('national-grant-')) {
        const id = event.streamId.slice('national-grant-'.length);
        const state = applications.get(id) ?? (await loadFoldedState<NationalGrantState>(manager, 'rm_fund_applications', id)) ?? { status: 'none' };
        const domainEvent = asDomainEvent<NationalGrantEvent>(event);
        if (domainEvent.type === 'NationalGrantApplied') appliedAt.set(id, domainEvent.data.appliedAt);
        applications.set(id, evolveNationalGrant(state, domainEvent));
        continue;
      }
      if (event.type !== 'FundEntryRecorded' && event.type !== 'FundLineRecorded') continue;
      const [line] = ledgerLinesOf([{ type: event.type, data: event.data } as FundStreamEvent]);
      await upsertLine(manager, line, event.streamId, event.position);
      touch(line.year, line.measure);
    }
    for (const { year, measure } of touched.values()) await refreshSummary(manager, year, measure);
    for (const [id, state] of applications) {
      if (state.status === 'none') continue;
      // The application is the stream's first event, so a row without it in this batch already has its time.
      await manager.query(
        `INSERT INTO rm_fund_applications (id, credit_code, measure, status, applied_at, state) VALUES ($1, $2, $3, $4, COALESCE($5::timestamptz, now()), $6)
         ON CONFLICT (id) DO UPDATE SET credit_code = EXCLUDED.credit_code, measure = EXCLUDED.measure, status = EXCLUDED.status,
           applied_at = COALESCE($5::timestamptz, rm_fund_applications.applied_at), state = EXCLUDED.state`,
        [id, state.creditCode.toUpperCase(), state.measure, state.status, appliedAt.get(id) ?? null, JSON.stringify(state)],
      );
    }
  },
};

async function upsertLine(manager: EntityManager, line: LedgerLine, streamId: string, position: GlobalPosition): Promise<void> {
  await manager.query(
    `INSERT INTO rm_fund_lines (credit_code, line_id, year, measure, kind, source_id, committed_fen, issued_fen, paid_fen, decision, decided_at, stream_id, position_commit, position_prepare, line)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (credit_code, line_id) DO UPDATE SET year = EXCLUDED.year, measure = EXCLUDED.measure, kind = EXCLUDED.kind,
       source_id = EXCLUDED.source_id, committed_fen = EXCLUDED.committed_fen, issued_fen = EXCLUDED.issued_fen, paid_fen = EXCLUDED.paid_fen,
       decision = EXCLUDED.decision, decided_at = EXCLUDED.decided_at, stream_id = EXCLUDED.stream_id, position_commit = EXCLUDED.position_commit, position_prepare = EXCLUDED.position_prepare, line = EXCLUDED.line`,
    [
      line.creditCode.toUpperCase(),
      line.lineId,
      line.year,
      line.measure,
      line.kind,
      line.sourceId,
      line.committedFen,
      line.issuedFen,
      line.paidFen,
      line.decision,
      line.decidedAt,
      streamId,
      String(position.commit),
      String(position.prepare),
      JSON.stringify(line),
    ],
  );
}

async function refreshSummary(manager: EntityManager, year: number, measure: string): Promise<void> {
  await manager.query(
    `INSERT INTO rm_fund_summary (year, measure, budget_fen, committed_fen, issued_fen, paid_fen, lines)
     SELECT $1::int, $2::text,
       (SELECT budget_fen FROM rm_fund_budgets WHERE year = $1 AND measure = $2),
       COALESCE(sum(committed_fen), 0), COALESCE(sum(issued_fen), 0), COALESCE(sum(paid_fen), 0), count(*)::int
     FROM rm_fund_lines WHERE year = $1 AND measure = $2
     ON CONFLICT (year, measure) DO UPDATE SET budget_fen = EXCLUDED.budget_fen, committed_fen = EXCLUDED.committed_fen,
       issued_fen = EXCLUDED.issued_fen, paid_fen = EXCLUDED.paid_fen, lines = EXCLUDED.lines`,
    [year, measure],
  );
}
