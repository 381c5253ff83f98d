import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { describeStatus } from '@app/domain/dossier';
import type { Dossier } from '@app/domain/dossier';
import type { Actor } from '@app/domain/shared/command-metadata';
import { isAssignedExpert } from './dossier-visibility';

const STATUSES = ['draft', 'submitted', 'returned', 'passed', 'rejected', 'withdrawn', 'awarded', 'not-awarded'];

export class AttachmentResponse {
  @ApiProperty({ example: 'a1b2c3d4e5f6' }) attachmentId!: string;
  @ApiProperty({ example: 'application-form', description: 'attachment kind code of the programme rules' }) kind!: string;
  @ApiProperty({ example: '申报书.pdf' }) name!: string;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty({ example: 182734 }) sizeBytes!: number;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) sha256!: string;
}

export class CorrectionRequestResponse {
  @ApiProperty({ example: '请补充项目投资证明材料' }) reason!: string;
  @ApiProperty({ example: '2026-04-10' }) deadlineDate!: string;
  @ApiProperty({ example: '2026-04-10T15:59:59.999Z' }) deadline!: string;
}

export class ExpertScoreResponse {
  @ApiPropertyOptional({ description: 'shown to admins only' }) expertId?: string;
  @ApiProperty({ example: { technology: 20 } }) points!: Record<string, number>;
  @ApiProperty({ example: 84 }) total!: number;
  @ApiProperty() comment!: string;
  @ApiProperty() submittedAt!: string;
  @ApiPropertyOptional({ nullable: true }) amendedAt!: string | null;
}

export class DossierSummaryResponse {
  @ApiProperty({ example: 'demo-scenario-2026-3f9a1c2b' }) id!: string;
  @ApiProperty({ example: 'demo-scenario-2026' }) selectionId!: string;
  @ApiProperty({ example: 'demo-scenario' }) programme!: string;
  @ApiProperty({ example: '91430100MA4L16JQ2X' }) applicantCreditCode!: string;
  @ApiProperty({ example: '智慧港口无人巡检示范场景' }) title!: string;
  @ApiPropertyOptional({ nullable: true }) projectCode!: string | null;
  @ApiProperty({ example: 'scenario' }) tier!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ example: 'the dossier is a draft' }) statusDescription!: string;
  @ApiPropertyOptional({ nullable: true }) firstSubmittedAt!: string | null;
}

export class DefenceResponse {
  @ApiProperty({ example: 2, description: 'the review stage' }) stage!: number;
  @ApiProperty({ example: '2026-04-27' }) date!: string;
  @ApiProperty({ example: '14:00', description: 'Beijing time' }) startTime!: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '湖南省工业和信息化厅 3 楼会议室' }) place!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: null }) link!: string | null;
  @ApiProperty({ example: 2, description: 'place in the day\'s order' }) order!: number;
  @ApiPropertyOptional({ nullable: true, enum: ['attended', 'absent'] }) attendance!: 'attended' | 'absent' | null;
}

export class PanelStageResponse {
  @ApiProperty({ example: 2 }) stage!: number;
  @ApiProperty({ example: '会议评审专家组' }) panelName!: string;
  @ApiProperty({ type: [String], description: 'members who score this dossier' }) expertIds!: string[];
  @ApiProperty({ description: 'members recused from this dossier, and why' }) recused!: { expertId: string; reason: string }[];
  @ApiProperty({ type: [ExpertScoreResponse] }) scores!: ExpertScoreResponse[];
}

export class DossierDetailResponse extends DossierSummaryResponse {
  @ApiProperty({ example: { sceneName: '港口无人巡检' }, description: 'programme field code → text' }) fields!: Record<string, string>;
  @ApiPropertyOptional({ nullable: true, description: '申报投资额 in fen' }) declaredInvestmentFen!: number | null;
  @ApiPropertyOptional({ type: [String], description: 'experts the applicant asked to exclude; owner and admins only' })
  excludedExpertIds?: string[];
  @ApiProperty({ type: [AttachmentResponse] }) attachments!: AttachmentResponse[];
  @ApiPropertyOptional({ nullable: true }) lastSubmittedAt!: string | null;
  @ApiPropertyOptional({ type: CorrectionRequestResponse, nullable: true, description: '补正 request while returned' })
  correction!: CorrectionRequestResponse | null;
  @ApiPropertyOptional({ nullable: true, description: '核定投资额 in fen, set when formal review passed' }) approvedInvestmentFen!: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'why the dossier left the race (rejection, withdrawal, no award)' })
  closingReason!: string | null;
  @ApiPropertyOptional({ type: [ExpertScoreResponse], description: 'admins: every score; an assigned expert: his own only' })
  scores?: ExpertScoreResponse[];
  @ApiPropertyOptional({ description: 'assigned experts; admins only' })
  assignments?: { expertId: string; status: string; fieldMatch: boolean }[];
  @ApiPropertyOptional({ type: [DefenceResponse], description: '答辩 slots of panel stages; owner and admins' })
  defences?: DefenceResponse[];
  @ApiPropertyOptional({ type: [PanelStageResponse], description: 'panel stages: seat, recusals and scores; admins only' })
  panelStages?: PanelStageResponse[];
  @ApiProperty({ example: '4', description: 'stream revision (also the ETag)' }) revision!: string;
}

export function dossierSummaryOf(dossier: Dossier): DossierSummaryResponse {
  return {
    id: dossier.dossierId,
    selectionId: dossier.selectionId,
    programme: dossier.programme,
    applicantCreditCode: dossier.applicantCreditCode,
    title: dossier.title,
    projectCode: dossier.projectCode,
    tier: dossier.tier,
    status: dossier.status,
    statusDescription: describeStatus(dossier),
    firstSubmittedAt: dossier.firstSubmittedAt,
  };
}

/** The dossier as this caller may see it: experts never see other experts' scores or who they are. */
export function dossierDetailOf(dossier: Dossier, revision: bigint, actor: Actor): DossierDetailResponse {
  const detail: DossierDetailResponse = {
    ...dossierSummaryOf(dossier),
    fields: { ...dossier.fields },
    declaredInvestmentFen: dossier.declaredInvestmentFen,
    attachments: dossier.attachments.map((attachment) => ({ ...attachment })),
    lastSubmittedAt: dossier.lastSubmittedAt,
    correction: dossier.correction ? { ...dossier.correction } : null,
    approvedInvestmentFen: dossier.approvedInvestmentFen,
    closingReason: dossier.closingReason,
    revision: revision.toString(),
  };
  const stages = dossier.laterStages ?? [];
  const defences = stages.flatMap((review) => (review.defence ? [{ stage: review.stage, ...review.defence, attendance: review.attendance }] : []));
  if (actor.role === 'admin') {
    detail.excludedExpertIds = [...dossier.excludedExpertIds];
    detail.scores = dossier.scores.map((score) => ({ ...score }));
    detail.assignments = dossier.assignments.map(({ expertId, status, fieldMatch }) => ({ expertId, status, fieldMatch }));
    if (stages.length > 0) {
      detail.defences = defences;
      detail.panelStages = stages.map((review) => ({
        stage: review.stage,
        panelName: review.panelName,
        expertIds: [...review.expertIds],
        recused: review.recused.map((seat) => ({ ...seat })),
        scores: review.scores.map((score) => ({ ...score })),
      }));
    }
  } else if (isAssignedExpert(dossier, actor)) {
    detail.scores = dossier.scores
      .filter((score) => score.expertId === actor.expertId)
      .map(({ expertId: _expertId, ...score }) => ({ ...score }));
  } else {
    detail.excludedExpertIds = [...dossier.excludedExpertIds];
    if (defences.length > 0) detail.defences = defences;
  }
  return detail;
}
