import { FUND_MEASURE_NAMES } from '@app/domain/funds';
import type { FundMeasureCode } from '@app/domain/funds';
import type { FundLedgerReadModel, FundLineFilter } from '@app/read-models';
import type { ExportTable } from '../export-table';
import { FUND_DECISION_NAMES } from '../../funds/shared/fund-decision-names';

const KINDS: Record<string, string> = {
  'selection-award': '评选奖补',
  'voucher-allocation': '算力券核定',
  'voucher-tranche': '算力券发放',
  'voucher-redemption': '算力券兑付',
  'grant-commitment': '分年度支持安排',
  'grant-instalment': '年度拨付',
  'one-off-award': '一次性奖励',
};

const PAGE = 500;

/**
 * The fund ledger as a spreadsheet: one row per ledger line (year, measure, organisation, project,
 * basis, committed / issued / paid, decision, reason, the stream that caused it), filtered like
 * GET /funds/ledger, read from the read model 500 lines at a time.
 */
export function fundLedgerExport(readModel: FundLedgerReadModel, filter: FundLineFilter): ExportTable {
  const scope = [filter.year, filter.measure ? FUND_MEASURE_NAMES[filter.measure as FundMeasureCode] : undefined, filter.creditCode].filter((part) => part !== undefined);
  return {
    sheetName: '资金台账',
    fileStem: ['资金台账', ...scope].join('-'),
    columns: [
      { header: '年度', kind: 'integer' },
      { header: '支持措施', kind: 'text', width: 30 },
      { header: '类别', kind: 'text', width: 16 },
      { header: '单位名称', kind: 'text', width: 30 },
      { header: '统一社会信用代码', kind: 'text', width: 22 },
      { header: '项目编号', kind: 'text', width: 16 },
      { header: '项目名称', kind: 'text', width: 30 },
      { header: '计算依据', kind: 'text', width: 40 },
      { header: '应享标准', kind: 'yuan', width: 18 },
      { header: '已安排', kind: 'yuan', width: 18 },
      { header: '已发放(算力券)', kind: 'yuan', width: 18 },
      { header: '已拨付', kind: 'yuan', width: 18 },
      { header: '决定', kind: 'text', width: 14 },
      { header: '说明', kind: 'text', width: 50 },
      { header: '决定时间', kind: 'datetime', width: 18 },
      { header: '来源', kind: 'text', width: 30 },
    ],
    async *rows() {
      const names = await readModel.names();
      for (let offset = 0; ; offset += PAGE) {
        const lines = await readModel.lines(filter, { offset, limit: PAGE });
        for (const line of lines) {
          yield [
            line.year,
            line.measure === 'selection-award' ? line.sourceTitle : FUND_MEASURE_NAMES[line.measure],
            KINDS[line.kind] ?? line.kind,
            names.get(line.creditCode) ?? null,
            line.creditCode,
            line.project.projectCode,
            line.project.title,
            line.basis,
            line.entitlementFen,
            line.committedFen,
            line.issuedFen,
            line.paidFen,
            FUND_DECISION_NAMES[line.decision] ?? line.decision,
            line.reason,
            line.decidedAt,
            line.sourceId,
          ];
        }
        if (lines.length < PAGE) return;
      }
    },
  };
}
