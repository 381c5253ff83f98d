import { upcastSelectionEvent } from '@app/domain/selection';
import type { StoredSelectionEvent } from '@app/domain/selection';
import { chineseDate, fileSize, yuanOfFen } from './zh-format';
/**
 * The audit page's words: each recorded fact's type in Chinese and a one-line summary of its data.
 * Pure functions over the stored JSON (which may come from an older version of an event), so every
 * field is read defensively; an unknown type falls back to its own name and no summary.
 */

export const EVENT_NAMES: Record<string, string> = {
  SelectionOpened: '开放申报',
  SubmissionsClosed: '申报截止',
  FormalReviewClosed: '形式审查结束',
  ExpertReviewStarted: '专家分配(首轮)',
  ReplacementAssignmentsPlanned: '补充分配',
  ReviewClosed: '专家评审结束',
  PublicNoticeStarted: '开始公示',
  ShortlistEntryDropped: '撤出名单并递补',
  ObjectionDismissalRecorded: '异议不成立(记录)',
  AwardsDecided: '确定奖补',
  AwardsPublished: '公布名单',
  DossierDrafted: '创建申报草稿',
  DossierEdited: '修改申报内容',
  AttachmentAdded: '上传附件',
  AttachmentRemoved: '删除附件',
  DossierSubmitted: '提交申报',
  DossierWithdrawn: '撤回申报',
  FormalReviewPassed: '形式审查通过',
  DossierReturnedForCorrection: '退回补正',
  DossierRejected: '形式审查不予受理',
  ExpertAssigned: '分配评审专家',
  ExpertsDrawn: '专家抽取',
  ExpertRecused: '专家回避',
  ScoreSubmitted: '专家评分',
  ScoreAmended: '专家修改评分',
  ObjectionFiled: '提出异议',
  ObjectionUpheld: '异议成立',
  ObjectionDismissed: '异议不成立',
  DossierAwarded: '入选',
  DossierNotAwarded: '未入选',
  ExpertRegistered: '登记专家',
  ConflictDeclared: '申报利益冲突',
  DeclarationSigned: '签署保密承诺和回避声明',
  ScoreInvalidated: '认定评分无效',
  DossierMarkedNotEvaluable: '标记为无法评审',
  ExpertDeactivated: '停用专家',
  ExpertReactivated: '重新启用专家',
  FutureScenariosPublished: '发布十大未来场景',
  CalendarYearLoaded: '载入工作日历',
  ReviewStageClosed: '评审阶段结束',
  PanelFormed: '组建会议评审专家组',
  PanelSeated: '安排会议评审专家',
  DefenceScheduled: '安排答辩',
  DefenceAttendanceRecorded: '记录答辩出席',
};

/** What a DossierEdited event changed, in the applicant form's words. */
const CHANGE_NAMES: Record<string, string> = { title: '项目名称', tier: '申报类别', fields: '申报内容', projectCode: '项目编号', declaredInvestmentFen: '申报投资额', excludedExpertIds: '申请回避的专家' };

export const ACTOR_ROLES: Record<string, string> = { admin: '管理员', expert: '评审专家', applicant: '申报单位', public: '公众', system: '系统' };

/** Names the summary may use instead of ids (experts, dossiers); ids stay when a name is unknown. */
export interface AuditNames {
  readonly expert: (expertId: string) => string;
  readonly dossier: (dossierId: string) => string;
}

const PLAIN_NAMES: AuditNames = { expert: (id) => id, dossier: (id) => id };

type Data = Record<string, unknown>;
const str = (value: unknown): string => (typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value));
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const obj = (value: unknown): Data => (value !== null && typeof value === 'object' ? (value as Data) : {});
const yuan = (fen: unknown): string => (typeof fen === 'number' ? yuanOfFen(fen) : '—');
const clip = (text: unknown, max = 60): string => {
  const value = str(text);
  return value.length > max ? `${value.slice(0, max)}…` : value;
};

/** One line in Chinese saying what the fact records. */
export function eventSummary(type: string, raw: unknown, names: AuditNames = PLAIN_NAMES): string {
  const data = obj(raw);
  const expert = () => names.expert(str(data.expertId));
  switch (type) {
    case 'SelectionOpened': {
      const quotas = list(data.quotas).map((q) => `${str(obj(q).name)} ${str(obj(q).quota)} 个`).join('、');
      const overrides = Object.keys(obj(data.overrides));
      return `${str(data.title)};名额:${quotas || '—'};申报截止 ${chineseDate(str(data.submissionDeadlineDate))}${overrides.length ? `;本次调整了:${overrides.join('、')}` : ';按默认规则'}`;
    }
    case 'SubmissionsClosed':
    case 'AwardsPublished':
      return '';
    case 'FormalReviewClosed':
      return `通过形式审查 ${list(data.passedDossierIds).length} 项`;
    case 'ExpertReviewStarted':
    case 'ReplacementAssignmentsPlanned': {
      // Counts only: the pairs are on the dossiers' records (older events carried them, see upcastSelectionEvent).
      const round = type === 'ExpertReviewStarted' ? 1 : Number(data.round);
      const summary = obj(upcastSelectionEvent({ type, data } as StoredSelectionEvent).data);
      const assigned = Number(summary.assignedCount ?? 0);
      const unfilled = Number(summary.unfilledPlaces ?? 0);
      const experts = Object.keys(obj(summary.assignedPerExpert)).map(names.expert);
      const how = data.method === 'draw' ? `随机抽取(每项备选 ${str(data.reservesPerDossier)} 人,抽取记录见各申报),` : '';
      const reserves = Number(data.fromReserves ?? 0) ? `,其中备选专家递补 ${str(data.fromReserves)} 人次` : '';
      return `第 ${round} 轮,${how}新分配 ${assigned} 人次${reserves}${experts.length && experts.length <= 4 ? `(${experts.join('、')})` : ''}${unfilled ? `,仍缺 ${unfilled} 个名额` : ',名额已配齐'};随机种子 ${str(data.seed)}`;
    }
    case 'ReviewClosed': {
      const tiers = list(obj(data.shortlist).tiers);
      const selected = tiers.reduce<number>((sum, tier) => sum + list(obj(tier).selected).length, 0);
      const reserves = tiers.reduce<number>((sum, tier) => sum + list(obj(tier).reserves).length, 0);
      return `评分汇总 ${list(data.aggregates).length} 项,入围 ${selected} 项,候补 ${reserves} 项`;
    }
    case 'PublicNoticeStarted':
      return `公示期 ${chineseDate(str(data.startsOn))} 至 ${chineseDate(str(data.endsOn))}(${str(data.workingDays)} 个工作日),公示 ${list(data.listedDossierIds).length} 项`;
    case 'ShortlistEntryDropped': {
      const promoted = obj(data.promoted);
      return `${names.dossier(str(data.dossierId))} 因异议成立撤出名单;${promoted.dossierId ? `递补:${names.dossier(str(promoted.dossierId))}` : '无候补可递补'}`;
    }
    case 'ObjectionDismissalRecorded':
    case 'ObjectionDismissed':
    case 'ObjectionUpheld':
      return `${names.dossier(str(data.dossierId))};核查情况:${clip(data.finding)}`;
    case 'AwardsDecided':
      return `入选 ${list(data.awards).length} 项,未入选 ${list(data.notAwarded).length} 项,奖补合计 ${yuan(data.totalPaidFen)}`;
    case 'DossierDrafted':
      return `《${str(data.title)}》,申报类别 ${str(data.tier)}${typeof data.declaredInvestmentFen === 'number' ? `,申报投资额 ${yuan(data.declaredInvestmentFen)}` : ''}`;
    case 'DossierEdited':
      return `修改了:${Object.keys(obj(data.changes)).map((key) => CHANGE_NAMES[key] ?? key).join('、') || '—'}`;
    case 'AttachmentAdded': {
      const attachment = obj(data.attachment);
      return `${str(attachment.name)}(${typeof attachment.sizeBytes === 'number' ? fileSize(attachment.sizeBytes) : '—'})`;
    }
    case 'AttachmentRemoved':
      return `附件 ${str(data.attachmentId)}`;
    case 'DossierSubmitted':
      return data.resubmission ? '补正后重新提交' : '首次提交';
    case 'DossierWithdrawn':
    case 'DossierRejected':
    case 'ExpertDeactivated':
      return `理由:${clip(data.reason)}`;
    case 'FormalReviewPassed':
      return `核定投资额 ${data.approvedInvestmentFen === null || data.approvedInvestmentFen === undefined ? '不适用' : yuan(data.approvedInvestmentFen)}${data.note ? `;${clip(data.note)}` : ''}`;
    case 'DossierReturnedForCorrection':
      return `理由:${clip(data.reason)};补正截止 ${chineseDate(str(data.correctionDeadlineDate))}`;
    case 'ExpertAssigned':
      return `${expert()}${data.fieldMatch ? '(领域匹配)' : ''}${typeof data.drawReserve === 'number' ? `;抽取记录第 ${data.drawReserve + 1} 位备选专家递补` : ''}`;
    case 'ExpertsDrawn':
      return `种子 ${str(data.seed)};候选 ${list(data.candidates).length} 人,抽中 ${list(data.drawn).map((id) => names.expert(str(id))).join('、')};备选(依次递补)${list(data.reserves).map((id) => names.expert(str(id))).join('、') || '无'}`;
    case 'ExpertRecused':
      return `${expert()};理由:${clip(data.reason)}${data.scoreDiscarded ? ';已评分数作废' : ''}`;
    case 'ScoreSubmitted':
    case 'ScoreAmended':
      return `${expert()} 总分 ${str(data.total)}${Number(data.stage ?? 1) > 1 ? `(第 ${str(data.stage)} 阶段)` : ''}`;
    case 'ReviewStageClosed':
      return `第 ${str(data.stage)} 阶段结束,进入下一阶段 ${list(data.forwarded).length} 项,未进入 ${str(data.notForwardedCount)} 项`;
    case 'PanelFormed':
      return `第 ${str(data.stage)} 阶段 ${str(data.name)}:${list(data.expertIds).map((id) => names.expert(str(id))).join('、')};按项目回避 ${str(data.recusedSeats)} 人次`;
    case 'PanelSeated': {
      const recused = list(data.recused).map((seat) => `${names.expert(str(obj(seat).expertId))}(${clip(obj(seat).reason, 30)})`);
      return `${str(data.panelName)}:${list(data.expertIds).map((id) => names.expert(str(id))).join('、')}${recused.length ? `;回避:${recused.join('、')}` : ''}`;
    }
    case 'DefenceScheduled': {
      const slot = obj(data.slot);
      return `${chineseDate(str(slot.date))} ${str(slot.startTime)},第 ${str(slot.order)} 位,${str(slot.place) || str(slot.link)}`;
    }
    case 'DefenceAttendanceRecorded':
      return `${data.attended ? '出席' : '未出席'}${data.note ? `;${clip(data.note)}` : ''}`;
    case 'ObjectionFiled':
      return `异议人 ${str(obj(data.objector).name)};理由:${clip(data.reason)}`;
    case 'DossierAwarded': {
      const award = obj(data.award);
      return `第 ${str(data.rank)} 名${typeof award.paidFen === 'number' ? `,奖补 ${yuan(award.paidFen)}` : ''}`;
    }
    case 'DossierNotAwarded':
      return clip(data.reason);
    case 'ExpertRegistered':
      return `${str(data.name)},${str(data.organisationName)};领域:${list(data.fields).map(str).join('、')}`;
    case 'ConflictDeclared':
      return `回避单位 ${str(data.creditCode)};理由:${clip(data.reason)}`;
    case 'ScoreInvalidated':
      return `${expert()} 的评分(总分 ${str(data.total)})不再计入;理由:${clip(data.reason)}`;
    case 'DossierMarkedNotEvaluable':
      return `有效评审意见 ${str(data.validReviews)} 份(须 ${str(data.minimum)} 份),不参加排名;理由:${clip(data.reason)}`;
    case 'DeclarationSigned':
      return `${names.expert(str(data.expertId))} 签署声明(文本版本 ${str(data.version)},共 ${list(data.paragraphs).length} 段)`;
    case 'ExpertReactivated':
      return '';
    case 'FutureScenariosPublished':
      return `${str(data.year)} 年第 ${str(data.version)} 版,共 ${list(data.scenarios).length} 个场景`;
    default:
      return '';
  }
}
