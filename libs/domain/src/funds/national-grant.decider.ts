import { compareProjects } from '../awards/project-identity';
import { isLocalDate, yearOf } from '../calendar/local-date';
import { assertCreditCode } from '../credit-code/credit-code';
import type { CommandMetadata } from '../shared/command-metadata';
import type { Decider } from '../shared/decider';
import type { Fen } from '../shared/money';
import { refuse } from '../shared/refusal';
import { fundDocumentProblems } from './fund-document';
import { assertDeclaredSupport } from './declared-support';
import type { DeclaredSupport } from './declared-support';
import type { LedgerLine } from './ledger-line';
import type { OneOffMeasure, ScheduledGrantMeasure } from './measures';
import type { LedgerFacts, NationalGrantCommand } from './national-grant.commands';
import type { ApprovalDocument, NationalGrantEvent, NationalMeasure, ScheduledInstalment, SupportDecision } from './national-grant.events';
import { requireCommandWithinValidity, requireWithinValidity } from './policy-validity';
import type { PolicyValidity } from './policy-validity';
import { applySupportRule } from './support-rule';

/**
 * An application for a national-level recognition (附件5 三 and 五), stream
 * `national-grant-{applicationId}`: applied for with the approval document, decided by an admin.
 * - 新获批的国家级科技创新平台: 500 万元 a year for three consecutive years; approval fixes the
 *   schedule (the year of approval and the two after), each year's payment is its own decision, in
 *   order, not before its year, and may be suspended with a reason (and paid later);
 * - 新获批人工智能领域国家级单项冠军企业: one award of at most 100 万元 per enterprise.
 * Both pay under 不重复享受/就高 against the organisation's other ledger lines and declared support.
 *
 * Bounded: application, decision, at most one event per instalment and suspension — under ten.
 */
export interface InstalmentState extends ScheduledInstalment {
  readonly status: 'scheduled' | 'paid' | 'suspended';
  readonly paidFen: Fen;
  readonly reason: string | null;
}

export interface NationalGrant {
  readonly applicationId: string;
  readonly measure: NationalMeasure;
  readonly creditCode: string;
  readonly organisationName: string;
  readonly project: { readonly projectCode: string | null; readonly title: string };
  readonly approvalDocument: ApprovalDocument;
  readonly declaredSupport: readonly DeclaredSupport[];
  readonly status: 'applied' | 'rejected' | 'approved' | 'awarded';
  readonly rejectionReason: string | null;
  readonly entitlementFen: Fen;
  readonly instalments: readonly InstalmentState[];
  readonly award: (SupportDecision & { amountFen: Fen }) | null;
}

export type NationalGrantState = { readonly status: 'none' } | NationalGrant;

export function nationalGrantStreamOf(applicationId: string): string {
  return `national-grant-${applicationId}`;
}

export function nationalGrantTitle(grant: Pick<NationalGrant, 'measure' | 'applicationId'>, names: { platform: string; champion: string }): string {
  return `${grant.measure === 'national-platform' ? names.platform : names.champion}支持(${grant.applicationId})`;
}

export interface NationalMeasures {
  readonly platform: ScheduledGrantMeasure;
  readonly champion: OneOffMeasure;
}

export function nationalGrantDecider(measures: NationalMeasures, validity: PolicyValidity): Decider<NationalGrantCommand, NationalGrantEvent, NationalGrantState> {
  return {
    initialState: () => ({ status: 'none' }),
    decide(command, state) {
      if (command.type === 'ApplyForNationalGrant') return apply(validity, command, state);
      const grant = requireGrant(state);
      requireAdmin(command.metadata);
      switch (command.type) {
        case 'RejectNationalGrant':
          return reject(command, grant);
        case 'ApproveNationalPlatformGrant':
          return approvePlatform(measures.platform, validity, command, grant);
        case 'AwardNationalChampion':
          return awardChampion(measures.champion, validity, command, grant);
        case 'DecideGrantInstalment':
          return decideInstalment(measures.platform, validity, command, grant);
      }
    },
    evolve: evolveNationalGrant,
  };
}

function requireGrant(state: NationalGrantState): NationalGrant {
  if (state.status === 'none') throw refuse('national-grant-not-found', '未找到该国家级认定支持申请', 'not-found');
  return state;
}

function requireAdmin(metadata: CommandMetadata): void {
  if (metadata.actor.role !== 'admin') throw refuse('forbidden', '只有管理员可以审核国家级认定支持申请', 'forbidden');
}

function apply(validity: PolicyValidity, command: Extract<NationalGrantCommand, { type: 'ApplyForNationalGrant' }>, state: NationalGrantState): NationalGrantEvent[] {
  const { applicationId, measure, organisationName, project, approvalDocument, declaredSupport } = command.data;
  const creditCode = assertCreditCode(command.data.creditCode);
  const { actor } = command.metadata;
  if (actor.role !== 'applicant' || actor.organisationCreditCode?.toUpperCase() !== creditCode) {
    throw refuse('forbidden', '只有申报单位本单位的账号可以提交本单位的申请', 'forbidden');
  }
  if (state.status !== 'none') throw refuse('national-grant-exists', `申请 ${applicationId} 已提交,无需重复提交`);
  const problems: string[] = [];
  if (!['national-platform', 'national-champion'].includes(measure)) problems.push('measure:请选择 national-platform(国家级科技创新平台)或 national-champion(国家级单项冠军企业)');
  if (organisationName.trim() === '') problems.push('organisationName:请填写单位名称');
  if (project.title.trim() === '') problems.push('project.title:请填写平台或产品名称');
  if (approvalDocument.documentNo.trim() === '') problems.push('approvalDocument.documentNo:请填写国家级认定文件的文号');
  if (approvalDocument.issuer.trim() === '') problems.push('approvalDocument.issuer:请填写发文机关');
  if (!isLocalDate(approvalDocument.approvedOn)) problems.push('approvalDocument.approvedOn:请按 YYYY-MM-DD 填写获批日期');
  problems.push(...fundDocumentProblems('approvalDocument.documentId', approvalDocument.file, 'approval-document'));
  if (problems.length > 0) throw refuse('invalid-national-grant', `申请有误:${problems.join(';')}`, 'invalid', { problems });
  assertDeclaredSupport(declaredSupport);
  requireCommandWithinValidity(validity, command.metadata, '国家级认定支持申请');
  requireWithinValidity(validity, approvalDocument.approvedOn, '国家级认定获批(“新获批”须在政策有效期内)');
  return [
    {
      type: 'NationalGrantApplied',
      data: {
        applicationId,
        measure,
        creditCode,
        organisationName: organisationName.trim(),
        project: { projectCode: project.projectCode?.trim() || null, title: project.title.trim() },
        approvalDocument,
        declaredSupport: [...declaredSupport],
        appliedAt: command.metadata.now,
      },
    },
  ];
}

function requireApplied(grant: NationalGrant, what: string): void {
  if (grant.status !== 'applied') throw refuse('national-grant-decided', `申请 ${grant.applicationId} 已${grant.status === 'rejected' ? '不予支持' : '批准'},不能再${what}`);
}

function reject(command: Extract<NationalGrantCommand, { type: 'RejectNationalGrant' }>, grant: NationalGrant): NationalGrantEvent[] {
  requireApplied(grant, '作出不予支持决定');
  if (command.data.reason.trim() === '') throw refuse('reason-required', '不予支持须写明理由', 'invalid');
  return [{ type: 'NationalGrantRejected', data: { applicationId: grant.applicationId, reason: command.data.reason.trim(), rejectedAt: command.metadata.now } }];
}

function requireMeasure(grant: NationalGrant, measure: NationalMeasure): void {
  if (grant.measure !== measure) throw refuse('wrong-measure', `申请 ${grant.applicationId} 属于 ${grant.measure},不适用本决定`, 'invalid');
}

/** Lines of the same project (and organisation) under a measure, other than this application. */
function sameProjectLines(grant: NationalGrant, facts: LedgerFacts, measure: NationalMeasure): LedgerLine[] {
  return facts.ledger.filter((line) => {
    if (line.measure !== measure || line.sourceId === grant.applicationId) return false;
    const verdict = compareProjects(
      { dossierId: grant.applicationId, applicantCreditCode: grant.creditCode, projectCode: grant.project.projectCode, title: grant.project.title },
      { dossierId: line.lineId, applicantCreditCode: line.creditCode, projectCode: line.project.projectCode, title: line.project.title },
      facts.identityDeclarations ?? [],
    );
    return verdict.kind === 'same';
  });
}

function approvePlatform(
  measure: ScheduledGrantMeasure,
  validity: PolicyValidity,
  command: Extract<NationalGrantCommand, { type: 'ApproveNationalPlatformGrant' }>,
  grant: NationalGrant,
): NationalGrantEvent[] {
  requireMeasure(grant, 'national-platform');
  requireApplied(grant, '批准');
  const today = requireCommandWithinValidity(validity, command.metadata, '国家级科技创新平台支持批准');
  const earlier = sameProjectLines(grant, command.data, 'national-platform');
  if (earlier.length > 0) {
    throw refuse('national-platform-already-granted', `该平台已于《${earlier[0].sourceTitle}》获批连续三年支持,不予重复支持`);
  }
  const firstYear = yearOf(today);
  const schedule = Array.from({ length: measure.years }, (_, index) => ({ instalment: index + 1, year: firstYear + index, amountFen: measure.yearlyFen }));
  return [
    {
      type: 'NationalPlatformGrantApproved',
      data: { applicationId: grant.applicationId, schedule, entitlementFen: measure.yearlyFen * measure.years, approvedAt: command.metadata.now },
    },
  ];
}

function awardChampion(
  measure: OneOffMeasure,
  validity: PolicyValidity,
  command: Extract<NationalGrantCommand, { type: 'AwardNationalChampion' }>,
  grant: NationalGrant,
): NationalGrantEvent[] {
  requireMeasure(grant, 'national-champion');
  requireApplied(grant, '作出奖励决定');
  const { amountFen } = command.data;
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw refuse('invalid-amount', '奖励金额须为正整数分', 'invalid');
  if (amountFen > measure.capFen) {
    throw refuse('one-off-over-cap', `奖励金额 ${amountFen} 分超过上限 ${measure.capFen} 分(${measure.clause})`, 'invalid', { capFen: measure.capFen });
  }
  requireCommandWithinValidity(validity, command.metadata, '国家级单项冠军企业奖励');
  const earlier = command.data.ledger.find((line) => line.measure === 'national-champion' && line.sourceId !== grant.applicationId && line.creditCode === grant.creditCode);
  if (earlier) throw refuse('one-off-already-awarded', `本单位已于《${earlier.sourceTitle}》获国家级单项冠军企业一次性奖励,不予重复奖励`);
  const award = applySupportRule({
    sourceId: grant.applicationId,
    project: { lineKey: grant.applicationId, creditCode: grant.creditCode, projectCode: grant.project.projectCode, title: grant.project.title },
    dueFen: amountFen,
    entitlementSoFarFen: amountFen,
    paidBySourceFen: 0,
    ledger: command.data.ledger,
    declared: grant.declaredSupport,
    identityDeclarations: command.data.identityDeclarations,
    validity,
  });
  return [{ type: 'NationalChampionAwarded', data: { applicationId: grant.applicationId, amountFen, capFen: measure.capFen, award, awardedAt: command.metadata.now } }];
}

function decideInstalment(
  measure: ScheduledGrantMeasure,
  validity: PolicyValidity,
  command: Extract<NationalGrantCommand, { type: 'DecideGrantInstalment' }>,
  grant: NationalGrant,
): NationalGrantEvent[] {
  requireMeasure(grant, 'national-platform');
  if (grant.status !== 'approved') throw refuse('national-grant-not-approved', `申请 ${grant.applicationId} 尚未批准,不能决定年度拨付`);
  const { instalment, outcome } = command.data;
  const planned = grant.instalments.find((item) => item.instalment === instalment);
  if (!planned) throw refuse('instalment-not-found', `支持计划共 ${grant.instalments.length} 个年度,没有第 ${instalment} 年度`, 'not-found');
  if (planned.status === 'paid') throw refuse('instalment-already-paid', `第 ${instalment} 年度(${planned.year}年)已拨付,不能重复决定`);
  const undecided = grant.instalments.filter((item) => item.instalment < instalment && item.status === 'scheduled');
  if (undecided.length > 0) throw refuse('instalment-out-of-order', `请先决定第 ${undecided.map((item) => item.instalment).join('、')} 年度的拨付`);
  const what = `第 ${instalment} 年度(${planned.year}年)拨付`;
  const today = requireCommandWithinValidity(validity, command.metadata, what);
  if (yearOf(today) < planned.year) throw refuse('instalment-not-due', `${what}须在 ${planned.year} 年内或之后决定,今天是 ${today}`);
  if (outcome === 'suspend') {
    const reason = command.data.reason?.trim() ?? '';
    if (reason === '') throw refuse('reason-required', '暂停拨付须写明理由,例如“年度绩效评价未通过,整改后再拨付”', 'invalid');
    if (planned.status === 'suspended') throw refuse('instalment-already-suspended', `${what}已暂停(${planned.reason}),恢复时请直接决定拨付`);
    return [{ type: 'GrantInstalmentSuspended', data: { applicationId: grant.applicationId, instalment, year: planned.year, reason, suspendedAt: command.metadata.now } }];
  }
  if (outcome !== 'pay') throw refuse('invalid-outcome', 'outcome 须为 pay(拨付)或 suspend(暂停)', 'invalid');
  const counted = grant.instalments.filter((item) => item.status === 'paid' || item.instalment === instalment);
  const entitlementSoFarFen = counted.reduce((total, item) => total + item.amountFen, 0);
  const paidBySourceFen = grant.instalments.reduce((total, item) => total + item.paidFen, 0);
  const award = applySupportRule({
    sourceId: grant.applicationId,
    project: { lineKey: grant.applicationId, creditCode: grant.creditCode, projectCode: grant.project.projectCode, title: grant.project.title },
    dueFen: planned.amountFen,
    entitlementSoFarFen,
    paidBySourceFen,
    ledger: command.data.ledger,
    declared: grant.declaredSupport,
    identityDeclarations: command.data.identityDeclarations,
    validity,
  });
  return [
    {
      type: 'GrantInstalmentDecided',
      data: {
        applicationId: grant.applicationId,
        instalment,
        year: planned.year,
        dueFen: planned.amountFen,
        entitlementSoFarFen,
        resumed: planned.status === 'suspended',
        award,
        decidedAt: command.metadata.now,
      },
    },
  ];
}

export function evolveNationalGrant(state: NationalGrantState, event: NationalGrantEvent): NationalGrantState {
  if (event.type === 'NationalGrantApplied') {
    const { applicationId, measure, creditCode, organisationName, project, approvalDocument, declaredSupport } = event.data;
    return {
      applicationId, measure, creditCode, organisationName, project, approvalDocument, declaredSupport,
      status: 'applied', rejectionReason: null, entitlementFen: 0, instalments: [], award: null,
    };
  }
  if (state.status === 'none') return state;
  const setInstalment = (instalment: number, change: Partial<InstalmentState>): NationalGrant => ({
    ...state,
    instalments: state.instalments.map((item) => (item.instalment === instalment ? { ...item, ...change } : item)),
  });
  switch (event.type) {
    case 'NationalGrantRejected':
      return { ...state, status: 'rejected', rejectionReason: event.data.reason };
    case 'NationalPlatformGrantApproved':
      return {
        ...state,
        status: 'approved',
        entitlementFen: event.data.entitlementFen,
        instalments: event.data.schedule.map((item) => ({ ...item, status: 'scheduled', paidFen: 0, reason: null })),
      };
    case 'NationalChampionAwarded':
      return { ...state, status: 'awarded', entitlementFen: event.data.amountFen, award: { ...event.data.award, amountFen: event.data.amountFen } };
    case 'GrantInstalmentDecided':
      return setInstalment(event.data.instalment, { status: 'paid', paidFen: event.data.award.paidFen, reason: event.data.award.reason });
    case 'GrantInstalmentSuspended':
      return setInstalment(event.data.instalment, { status: 'suspended', reason: event.data.reason });
  }
}
