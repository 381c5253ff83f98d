/**
 * What each notification says, in Chinese, and to whom. Pure: the projection hands it the event and
 * what it remembers of the dossier and the selection; the delivery worker and the inbox show the result.
 */

/** Who a notification is for: an applicant organisation (each of its accounts), an expert, or the admins. */
export type Audience = `organisation:${string}` | `expert:${string}` | 'admins';

export const organisationAudience = (creditCode: string): Audience => `organisation:${creditCode}`;
export const expertAudience = (expertId: string): Audience => `expert:${expertId}`;
export const ADMINS: Audience = 'admins';

export type NotificationKind =
  | 'dossier-returned'
  | 'dossier-rejected'
  | 'defence-scheduled'
  | 'expert-assigned'
  | 'objection-received'
  | 'objection-resolved'
  | 'results-published'
  | 'scores-missing'
  | 'submission-deadline';

export interface NotificationDraft {
  /** Stable per event and audience (or per reminder and day): the idempotency key of delivery. */
  readonly id: string;
  readonly audience: Audience;
  readonly kind: NotificationKind;
  readonly subject: string;
  readonly body: string;
  /** A portal path; the mail prefixes PUBLIC_URL. */
  readonly link: string;
  readonly selectionId: string | null;
  readonly dossierId: string | null;
  readonly occurredAt: string;
}

export interface DossierRef {
  readonly id: string;
  readonly selectionId: string;
  readonly applicantCreditCode: string;
  readonly title: string;
}

export interface SelectionRef {
  readonly id: string;
  readonly title: string;
}

const SIGNATURE = '\n\n湖南省“人工智能+”年度评选系统(本邮件由系统自动发送,请勿直接回复)';

export function dossierReturned(eventId: string, dossier: DossierRef, reason: string, deadlineDate: string, at: string): NotificationDraft {
  return {
    id: `${eventId}:${organisationAudience(dossier.applicantCreditCode)}`,
    audience: organisationAudience(dossier.applicantCreditCode),
    kind: 'dossier-returned',
    subject: `【补正通知】《${dossier.title}》请于${deadlineDate}前补正`,
    body: `您单位申报的《${dossier.title}》形式审查需补正。\n补正原因:${reason}\n补正截止日期:${deadlineDate}(北京时间当日24时前)。\n请登录系统修改材料后重新提交,逾期未补正的将不再受理。${SIGNATURE}`,
    link: `/applicant/dossiers/${dossier.id}`,
    selectionId: dossier.selectionId,
    dossierId: dossier.id,
    occurredAt: at,
  };
}

/** 答辩(现场考察)通知: when and where, so the applicant can come; sent again when the slot moves. */
export function defenceScheduled(
  eventId: string,
  dossier: DossierRef,
  slot: { date: string; startTime: string; place: string | null; link: string | null; order: number },
  at: string,
): NotificationDraft {
  const where = [slot.place ? `地点:${slot.place}` : null, slot.link ? `线上会议链接:${slot.link}` : null].filter((line) => line !== null).join('\n');
  return {
    id: `${eventId}:${organisationAudience(dossier.applicantCreditCode)}`,
    audience: organisationAudience(dossier.applicantCreditCode),
    kind: 'defence-scheduled',
    subject: `【答辩通知】《${dossier.title}》请于${slot.date} ${slot.startTime}参加答辩`,
    body: `您单位申报的《${dossier.title}》已进入会议评审,请按时参加答辩。\n时间:${slot.date} ${slot.startTime}(北京时间),答辩顺序第 ${slot.order} 位\n${where}\n未按时参加的,按本次评选规定处理。如需调整,请尽快联系评选工作组。${SIGNATURE}`,
    link: `/applicant/dossiers/${dossier.id}`,
    selectionId: dossier.selectionId,
    dossierId: dossier.id,
    occurredAt: at,
  };
}

export function dossierRejected(eventId: string, dossier: DossierRef, reason: string, at: string): NotificationDraft {
  return {
    id: `${eventId}:${organisationAudience(dossier.applicantCreditCode)}`,
    audience: organisationAudience(dossier.applicantCreditCode),
    kind: 'dossier-rejected',
    subject: `【形式审查】《${dossier.title}》未通过形式审查`,
    body: `您单位申报的《${dossier.title}》未通过形式审查。\n原因:${reason}\n如有疑问,请联系评选工作组。${SIGNATURE}`,
    link: `/applicant/dossiers/${dossier.id}`,
    selectionId: dossier.selectionId,
    dossierId: dossier.id,
    occurredAt: at,
  };
}

export function expertAssigned(
  eventId: string,
  selection: SelectionRef,
  expertId: string,
  dossierCount: number,
  reviewDeadlineDate: string | null,
  at: string,
): NotificationDraft {
  const deadline = reviewDeadlineDate ? `请于${reviewDeadlineDate}前完成评分。` : '请尽快完成评分。';
  return {
    id: `${eventId}:${expertAudience(expertId)}`,
    audience: expertAudience(expertId),
    kind: 'expert-assigned',
    subject: `【评审任务】${selection.title}:分配给您${dossierCount}份申报材料`,
    body: `您好!${selection.title}已分配给您${dossierCount}份申报材料进行网上评审。${deadline}\n评审前请确认与申报单位无利益关联,如有关联请申请回避。${SIGNATURE}`,
    link: '/expert/tasks',
    selectionId: selection.id,
    dossierId: null,
    occurredAt: at,
  };
}

export function objectionReceived(eventId: string, dossier: DossierRef, at: string): NotificationDraft {
  return {
    id: `${eventId}:${ADMINS}`,
    audience: ADMINS,
    kind: 'objection-received',
    subject: `【异议】《${dossier.title}》收到公示异议`,
    body: `公示期间收到对《${dossier.title}》的实名异议,请在评选管理页面核实并作出处理决定。${SIGNATURE}`,
    link: `/admin/selections/${dossier.selectionId}`,
    selectionId: dossier.selectionId,
    dossierId: dossier.id,
    occurredAt: at,
  };
}

export function objectionResolved(eventId: string, dossier: DossierRef, upheld: boolean, finding: string, at: string): NotificationDraft {
  const outcome = upheld ? '异议成立,该项目已从公示名单中移除' : '异议不成立,该项目保留在公示名单中';
  return {
    id: `${eventId}:${organisationAudience(dossier.applicantCreditCode)}`,
    audience: organisationAudience(dossier.applicantCreditCode),
    kind: 'objection-resolved',
    subject: `【异议处理结果】《${dossier.title}》`,
    body: `对您单位《${dossier.title}》的公示异议已处理:${outcome}。\n核实情况:${finding}${SIGNATURE}`,
    link: `/applicant/dossiers/${dossier.id}`,
    selectionId: dossier.selectionId,
    dossierId: dossier.id,
    occurredAt: at,
  };
}

export function resultsPublished(eventId: string, selection: SelectionRef, creditCode: string, at: string): NotificationDraft {
  return {
    id: `${eventId}:${organisationAudience(creditCode)}`,
    audience: organisationAudience(creditCode),
    kind: 'results-published',
    subject: `【结果公布】${selection.title}评选结果已发布`,
    body: `${selection.title}的评选结果和奖补名单已正式发布,请登录系统查看您单位申报项目的结果。${SIGNATURE}`,
    link: '/applicant/dossiers',
    selectionId: selection.id,
    dossierId: null,
    occurredAt: at,
  };
}

/** A reminder: once per expert and selection, so a restarted or repeated tick never repeats it. */
export function scoresMissing(selection: SelectionRef, expertId: string, missing: number, reviewDeadlineDate: string, workingDaysLeft: number, _today: string, at: string): NotificationDraft {
  return {
    id: `reminder:scores-missing:${selection.id}:${expertId}`,
    audience: expertAudience(expertId),
    kind: 'scores-missing',
    subject: `【评分提醒】${selection.title}还有${missing}份材料未评分`,
    body: `您在${selection.title}中还有${missing}份申报材料未提交评分,评审截止日期为${reviewDeadlineDate}(还剩${workingDaysLeft}个工作日),请及时完成。${SIGNATURE}`,
    link: '/expert/tasks',
    selectionId: selection.id,
    dossierId: null,
    occurredAt: at,
  };
}

export function submissionDeadline(selection: SelectionRef, creditCode: string, drafts: number, deadlineDate: string, workingDaysLeft: number, _today: string, at: string): NotificationDraft {
  return {
    id: `reminder:submission-deadline:${selection.id}:${creditCode}`,
    audience: organisationAudience(creditCode),
    kind: 'submission-deadline',
    subject: `【申报提醒】${selection.title}申报将于${deadlineDate}截止`,
    body: `您单位在${selection.title}中还有${drafts}份申报材料尚未提交,申报截止日期为${deadlineDate}(还剩${workingDaysLeft}个工作日),逾期将无法提交。${SIGNATURE}`,
    link: '/applicant/dossiers',
    selectionId: selection.id,
    dossierId: null,
    occurredAt: at,
  };
}
