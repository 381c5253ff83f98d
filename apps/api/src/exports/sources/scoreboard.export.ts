import type { DataSource } from 'typeorm';
import type { Dossier } from '@app/domain/dossier';
import type { Selection } from '@app/domain/selection';
import { refuse } from '@app/domain/shared/refusal';
import type { ExportTable } from '../export-table';

const STANDINGS: Record<string, string> = { selected: '入选', reserve: '备选', 'below-threshold': '未达最低分' };

/**
 * After review closes: per dossier in ranking order, each expert's points per criterion, total and
 * comment, with the aggregate, spread, rank, tier and standing (入选 / 备选).
 */
export function scoreboardExport(dataSource: DataSource, selection: Selection): ExportTable {
  if (!selection.shortlist) {
    throw refuse('review-not-closed', `expert review of ${selection.selectionId} has not closed; scores stay sealed until then`, 'conflict', { phase: selection.phase });
  }
  const tierName = new Map(selection.rules.tiers.map((tier) => [tier.code, tier.name]));
  const rubric = selection.rules.rubric;
  return {
    sheetName: '评分汇总',
    fileStem: `评分汇总-${selection.selectionId}`,
    columns: [
      { header: '申报类别', kind: 'text', width: 16 },
      { header: '排名', kind: 'integer' },
      { header: '入选情况', kind: 'text' },
      { header: '申报编号', kind: 'text', width: 30 },
      { header: '项目名称', kind: 'text', width: 30 },
      { header: '申报单位', kind: 'text', width: 30 },
      { header: '综合得分', kind: 'decimal' },
      { header: '极差', kind: 'decimal' },
      { header: '意见分歧', kind: 'text' },
      { header: '专家', kind: 'text', width: 14 },
      ...rubric.map((criterion) => ({ header: `${criterion.name}(满分${criterion.maxPoints})`, kind: 'decimal' as const, width: 16 })),
      { header: '专家总分', kind: 'decimal' },
      { header: '评语', kind: 'text', width: 40 },
    ],
    async *rows() {
      const rows: { state: Dossier; organisation: string | null; standing: string | null; rank: number | null; aggregate: number | null; spread: number | null; disagreement: boolean | null }[] =
        await dataSource.query(
          `SELECT d.state, o.name AS organisation, s.standing, s.rank, b.aggregate, b.spread, b.disagreement
           FROM rm_scoreboard b JOIN rm_dossiers d ON d.id = b.dossier_id
           LEFT JOIN rm_shortlist_entries s ON s.dossier_id = b.dossier_id AND s.selection_id = b.selection_id
           LEFT JOIN organisations o ON o.credit_code = d.applicant_credit_code
           WHERE b.selection_id = $1
           ORDER BY d.tier, s.standing IS NULL, s.standing = 'below-threshold', s.rank NULLS LAST, b.position`,
          [selection.selectionId],
        );
      const experts = new Map<string, string>(
        ((await dataSource.query('SELECT id, name FROM rm_experts')) as { id: string; name: string }[]).map((row) => [row.id, row.name]),
      );
      for (const row of rows) {
        const dossier = row.state;
        const scores = [...dossier.scores].sort((a, b) => (experts.get(a.expertId) ?? a.expertId).localeCompare(experts.get(b.expertId) ?? b.expertId));
        for (const score of scores) {
          yield [
            tierName.get(dossier.tier) ?? dossier.tier,
            row.rank,
            row.standing ? STANDINGS[row.standing] ?? row.standing : null,
            dossier.dossierId,
            dossier.title,
            row.organisation,
            row.aggregate,
            row.spread,
            row.disagreement === null ? null : row.disagreement,
            experts.get(score.expertId) ?? score.expertId,
            ...rubric.map((criterion) => score.points[criterion.code] ?? null),
            score.total,
            score.comment,
          ];
        }
      }
    },
  };
}
