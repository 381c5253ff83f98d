import type { DataSource } from 'typeorm';
import type { Selection } from '@app/domain/selection';
import type { ExportTable } from '../export-table';

/** Review progress per expert and dossier: one row per assignment, grouped by expert. */
export function reviewProgressExport(dataSource: DataSource, selection: Selection): ExportTable {
  const tierName = new Map(selection.rules.tiers.map((tier) => [tier.code, tier.name]));
  return {
    sheetName: '评审进度',
    fileStem: `评审进度-${selection.selectionId}`,
    columns: [
      { header: '专家', kind: 'text', width: 14 },
      { header: '专家单位', kind: 'text', width: 24 },
      { header: '申报编号', kind: 'text', width: 30 },
      { header: '项目名称', kind: 'text', width: 30 },
      { header: '申报类别', kind: 'text', width: 16 },
      { header: '分配状态', kind: 'text', width: 10 },
      { header: '已评分', kind: 'text', width: 8 },
      { header: '评审截止日期', kind: 'date', width: 14 },
    ],
    async *rows() {
      const rows: { expert: string | null; organisation: string | null; dossier_id: string; title: string; tier: string; status: string; scored: boolean }[] =
        await dataSource.query(
          `SELECT e.name AS expert, e.organisation_name AS organisation, a.dossier_id, d.title, d.tier, a.status, a.scored
           FROM rm_expert_assignments a JOIN rm_dossiers d ON d.id = a.dossier_id LEFT JOIN rm_experts e ON e.id = a.expert_id
           WHERE a.selection_id = $1 ORDER BY e.name, a.expert_id, d.submitted_at NULLS LAST, a.dossier_id`,
          [selection.selectionId],
        );
      for (const row of rows) {
        yield [
          row.expert,
          row.organisation,
          row.dossier_id,
          row.title,
          tierName.get(row.tier) ?? row.tier,
          row.status === 'assigned' ? '已分配' : '已回避',
          row.status === 'assigned' ? row.scored : null,
          selection.reviewDeadlineDate,
        ];
      }
    },
  };
}
