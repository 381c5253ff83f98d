import type { Selection } from '@app/domain/selection';
import type { ReviewOutcomeReadModel } from '@app/read-models';
import type { ExportTable } from '../export-table';

const STATUSES: Record<string, string> = { open: '待处理', upheld: '异议成立', dismissed: '异议不成立' };

/** The objections of the public notice, oldest first, with the objector, the names of the evidence files and the finding. */
export function objectionsExport(outcomes: ReviewOutcomeReadModel, selection: Selection): ExportTable {
  return {
    sheetName: '公示异议',
    fileStem: `公示异议-${selection.selectionId}`,
    columns: [
      { header: '异议编号', kind: 'text', width: 38 },
      { header: '申报编号', kind: 'text', width: 30 },
      { header: '项目名称', kind: 'text', width: 30 },
      { header: '申报单位信用代码', kind: 'text', width: 22 },
      { header: '异议人', kind: 'text' },
      { header: '联系方式', kind: 'text', width: 18 },
      { header: '异议人单位', kind: 'text', width: 24 },
      { header: '异议理由', kind: 'text', width: 40 },
      { header: '证明材料', kind: 'text', width: 30 },
      { header: '提出时间', kind: 'datetime', width: 18 },
      { header: '处理状态', kind: 'text' },
      { header: '核实情况', kind: 'text', width: 40 },
    ],
    async *rows() {
      for (const row of await outcomes.objections({ selectionId: selection.selectionId })) {
        yield [
          row.objectionId,
          row.dossierId,
          row.dossierTitle,
          row.applicantCreditCode,
          row.objector.name,
          row.objector.contact,
          row.objector.organisation,
          row.reason,
          row.evidence.map((file) => file.name).join('、'),
          row.filedAt,
          STATUSES[row.status] ?? row.status,
          row.finding,
        ];
      }
    },
  };
}
