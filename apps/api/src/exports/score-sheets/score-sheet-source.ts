import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ScoreSheet } from '@app/documents';
import type { Dossier } from '@app/domain/dossier';
import type { Selection } from '@app/domain/selection';
import { refuse } from '@app/domain/shared/refusal';
import { chineseTime } from '../../portal/zh-format';
import { StreamDirectory } from '../../workflow/stream-directory';

export interface ExpertSheet {
  readonly expertId: string;
  readonly sheet: ScoreSheet;
}

/** The 专家评分表 of a selection's experts, from rm_dossiers, rm_experts and organisations. */
@Injectable()
export class ScoreSheetSource {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: StreamDirectory,
  ) {}

  /** Scores are final once review has closed; before that there is no sheet to sign. */
  requireClosed(selection: Selection): void {
    if (!selection.shortlist) {
      throw refuse('review-not-closed', `专家评审尚未结束,评分表在评审结束(close-review)后才能下载。`, 'conflict', { phase: selection.phase });
    }
  }

  /** Every expert assigned in the selection, by name. */
  async all(selection: Selection): Promise<ExpertSheet[]> {
    this.requireClosed(selection);
    const experts: { expert_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT a.expert_id, e.name FROM rm_expert_assignments a LEFT JOIN rm_experts e ON e.id = a.expert_id
       WHERE a.selection_id = $1 ORDER BY e.name, a.expert_id`,
      [selection.selectionId],
    );
    const sheets: ExpertSheet[] = [];
    for (const { expert_id: expertId } of experts) sheets.push({ expertId, sheet: await this.one(selection, expertId) });
    return sheets;
  }

  /** 404 when the expert had no assignment in this selection. */
  async one(selection: Selection, expertId: string): Promise<ScoreSheet> {
    this.requireClosed(selection);
    const experts: { name: string; organisation_name: string }[] = await this.dataSource.query('SELECT name, organisation_name FROM rm_experts WHERE id = $1', [expertId]);
    const rows: { state: Dossier; organisation: string | null }[] = await this.dataSource.query(
      `SELECT d.state, o.name AS organisation FROM rm_expert_assignments a JOIN rm_dossiers d ON d.id = a.dossier_id
       LEFT JOIN organisations o ON o.credit_code = d.applicant_credit_code
       WHERE a.selection_id = $1 AND a.expert_id = $2 ORDER BY d.submitted_at NULLS LAST, d.id`,
      [selection.selectionId, expertId],
    );
    if (experts.length === 0 || rows.length === 0) {
      throw refuse('expert-not-in-selection', `专家 ${expertId} 未参加 ${selection.selectionId} 的评审,没有评分表。`, 'not-found');
    }
    const signed = await this.directory.signature(selection.selectionId, expertId);
    return {
      selectionTitle: selection.title,
      signedDeclaration: signed ? { version: signed.version, paragraphs: signed.paragraphs, signedAtText: chineseTime(signed.signedAt) } : null,
      expertName: experts[0].name,
      expertOrganisation: experts[0].organisation_name,
      rubric: selection.rules.rubric.map(({ code, name, maxPoints }) => ({ code, name, maxPoints })),
      reviewDeadlineDate: selection.reviewDeadlineDate,
      dossiers: rows.map(({ state: dossier, organisation }) => {
        const assignment = dossier.assignments.find((candidate) => candidate.expertId === expertId);
        const score = dossier.scores.find((candidate) => candidate.expertId === expertId);
        const invalidated = (dossier.invalidatedScores ?? []).find((candidate) => candidate.expertId === expertId);
        return {
          title: dossier.title,
          organisation: organisation ?? dossier.applicantCreditCode,
          points: score?.points ?? null,
          total: score?.total ?? null,
          comment: score?.comment ?? null,
          recused: assignment?.status === 'recused',
          invalidated: invalidated ? { total: invalidated.total, reason: invalidated.reason } : null,
        };
      }),
    };
  }
}
