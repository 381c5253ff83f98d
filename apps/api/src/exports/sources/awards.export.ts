import type { DataSource } from 'typeorm';
import type { Selection } from '@app/domain/selection';
import { refuse } from '@app/domain/shared/refusal';
import type { ReviewOutcomeReadModel } from '@app/read-models';
import type { ExportTable } from '../export-table';
import { FUND_DECISION_NAMES } from '../../funds/shared/fund-decision-names';

/** The award list with amounts: awarded dossiers in order, then those not awarded with the reason. */
export function awardsExport(dataSource: DataSource, outcomes: ReviewOutcomeReadModel, selection: Selection): ExportTable {
  if (selection.awards.length === 0 && selection.notAwarded.length === 0) {
    throw refuse('awards-not-decided', `the awards of ${selection.selectionId} have not been decided yet`, 'conflict', { phase: selection.phase });
  }
  const tierName = new Map(selection.rules.tiers.map((tier) => [tier.code, tier.name]));
  return {
    sheetName: '奖补名单',
    fileStem: `奖补名单-${selection.selectionId}`,
    columns: [
      { header: '是否入选', kind: 'text' },
      { header: '申报类别', kind: 'text', width: 16 },
      { header: '排名', kind: 'integer' },
      { header: '申报单位', kind: 'text', width: 30 },
      { header: '统一社会信用代码', kind: 'text', width: 22 },
      { header: '项目名称', kind: 'text', width: 30 },
      { header: '奖补方式', kind: 'text' },
      { header: '核定投资额', kind: 'yuan', width: 18 },
      { header: '标准奖补金额', kind: 'yuan', width: 18 },
      { header: '实际奖补金额', kind: 'yuan', width: 18 },
      { header: '奖补决定', kind: 'text' },
      { header: '说明', kind: 'text', width: 40 },
    ],
    async *rows() {
      const names = new Map<string, string>(
        ((await dataSource.query('SELECT credit_code, name FROM organisations')) as { credit_code: string; name: string }[]).map((row) => [row.credit_code, row.name]),
      );
      for (const line of await outcomes.awards({ selectionId: selection.selectionId })) {
        yield [
          line.awarded,
          line.tier ? tierName.get(line.tier) ?? line.tier : null,
          line.rank,
          names.get(line.applicantCreditCode) ?? null,
          line.applicantCreditCode,
          line.title,
          line.kind === 'money' ? '资金奖补' : line.kind === 'policy' ? '政策支持' : null,
          line.approvedInvestmentFen,
          line.standardFen,
          line.paidFen,
          line.decision ? FUND_DECISION_NAMES[line.decision] ?? line.decision : null,
          line.reason,
        ];
      }
    },
  };
}
