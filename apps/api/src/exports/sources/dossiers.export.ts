import type { DataSource } from 'typeorm';
import type { Dossier } from '@app/domain/dossier';
import type { Selection } from '@app/domain/selection';
import { STATUS_NAMES } from '../../portal/portal-zh';
import type { ExportCell, ExportTable } from '../export-table';

const PAGE = 500;

/**
 * Every dossier of a selection with every field of its programme, status, organisation and the
 * investment declared and approved, read from rm_dossiers page by page (keyset on submission time, id).
 */
export function dossiersExport(dataSource: DataSource, selection: Selection): ExportTable {
  const tierName = new Map(selection.rules.tiers.map((tier) => [tier.code, tier.name]));
  const fields = selection.rules.fields;
  return {
    sheetName: '申报材料',
    fileStem: `申报材料-${selection.selectionId}`,
    columns: [
      { header: '申报编号', kind: 'text', width: 30 },
      { header: '申报单位', kind: 'text', width: 30 },
      { header: '统一社会信用代码', kind: 'text', width: 22 },
      { header: '项目名称', kind: 'text', width: 30 },
      { header: '项目编号', kind: 'text', width: 16 },
      { header: '申报类别', kind: 'text', width: 16 },
      { header: '状态', kind: 'text', width: 14 },
      { header: '首次提交时间', kind: 'datetime', width: 18 },
      { header: '申报投资额', kind: 'yuan', width: 18 },
      { header: '核定投资额', kind: 'yuan', width: 18 },
      { header: '补正原因', kind: 'text', width: 24 },
      { header: '补正截止日期', kind: 'date', width: 14 },
      { header: '分配专家数', kind: 'integer' },
      { header: '已评分专家数', kind: 'integer' },
      { header: '附件数', kind: 'integer' },
      ...fields.map((field) => ({ header: field.name, kind: 'text' as const, width: 30 })),
    ],
    async *rows() {
      let after: [string, string] = ['-infinity', ''];
      for (;;) {
        const page: { state: Dossier; organisation: string | null; sort_key: string }[] = await dataSource.query(
          `SELECT d.state, o.name AS organisation, coalesce(d.submitted_at, 'infinity'::timestamptz)::text AS sort_key
           FROM rm_dossiers d LEFT JOIN organisations o ON o.credit_code = d.applicant_credit_code
           WHERE d.selection_id = $1 AND (coalesce(d.submitted_at, 'infinity'::timestamptz), d.id) > ($2::timestamptz, $3::text)
           ORDER BY coalesce(d.submitted_at, 'infinity'::timestamptz), d.id LIMIT $4`,
          [selection.selectionId, after[0], after[1], PAGE],
        );
        for (const { state: dossier, organisation } of page) {
          const assigned = dossier.assignments.filter((assignment) => assignment.status === 'assigned');
          const row: ExportCell[] = [
            dossier.dossierId,
            organisation,
            dossier.applicantCreditCode,
            dossier.title,
            dossier.projectCode,
            tierName.get(dossier.tier) ?? dossier.tier,
            STATUS_NAMES[dossier.status] ?? dossier.status,
            dossier.firstSubmittedAt,
            dossier.declaredInvestmentFen,
            dossier.approvedInvestmentFen,
            dossier.correction?.reason ?? null,
            dossier.correction?.deadlineDate ?? null,
            assigned.length,
            dossier.scores.length,
            dossier.attachments.length,
            ...fields.map((field) => dossier.fields[field.code] ?? null),
          ];
          yield row;
        }
        if (page.length < PAGE) return;
        const last = page[page.length - 1];
        after = [last.sort_key, last.state.dossierId];
      }
    },
  };
}
