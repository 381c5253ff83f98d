import type { ValidationError } from 'class-validator';
import { DomainRefusal } from '@app/domain/shared/refusal';

/** zh-CN words for the codes the domain uses; the domain keeps English for programs, the portal speaks Chinese. */
export const PHASE_NAMES: Record<string, string> = {
  open: '申报中',
  'formal-review': '形式审查',
  'formal-review-closed': '形式审查结束',
  'expert-review': '专家评审',
  'review-closed': '评审结束',
  notice: '公示中',
  'awards-decided': '奖补已确定',
  published: '已公布',
};

export const STATUS_NAMES: Record<string, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '需补正',
  passed: '形式审查通过',
  rejected: '未通过',
  withdrawn: '已撤回',
  awarded: '入选',
  'not-awarded': '未入选',
};

const REFUSALS: Record<string, string> = {
  'outside-notice-window': '当前不在公示期内,无法提出异议。',
  'objection-already-filed': '您已对该项目提出过异议。',
  'not-on-shortlist': '该项目不在公示名单中。',
  'wrong-phase': '当前阶段不允许此操作。',
  'wrong-status': '申报材料当前状态不允许此操作。',
  'text-missing': '有必填内容尚未填写。',
  'text-too-long': '内容超过长度上限。',
  'unknown-field': '包含本评选不接受的字段。',
  'unknown-tier': '申报类别不存在。',
  'invalid-attachment': '附件不符合要求。',
  'attachment-already-added': '同一文件已上传过。',
  'too-many-attachments': '附件数量超过上限。',
  'invalid-score': '评分超出允许范围。',
  'invalid-scores': '评分不完整或超出允许范围。',
  'expert-not-assigned': '您未被分配评审该项目。',
  'expert-recused': '您已回避该项目。',
  forbidden: '您无权执行此操作。',
  'objection-not-found': '异议不存在。',
  'notice-not-started': '该评选尚未开始公示。',
  'selection-not-opened': '该评选不存在。',
};

/** A refusal in Chinese, keeping the rule's own words for the reader who wants the detail. */
export function refusalInChinese(error: DomainRefusal): string {
  return `${REFUSALS[error.code] ?? '操作未被接受。'}(${error.message})`;
}

/** An error from a command as a sentence for the page; anything unexpected is rethrown. */
export function problemInChinese(error: unknown): string {
  if (error instanceof DomainRefusal) return refusalInChinese(error);
  const status = (error as { getStatus?: () => number }).getStatus?.();
  if (status === 401) return '请先登录。';
  if (status === 403) return '您无权执行此操作。';
  if (status === 404) return '未找到。';
  if (status === 409) return `操作与当前状态冲突,请刷新后重试。`;
  throw error;
}

const CONSTRAINTS: Record<string, (label: string) => string> = {
  isString: (label) => `请填写${label}`,
  isNotEmpty: (label) => `请填写${label}`,
  minLength: (label) => `${label}太短`,
  maxLength: (label) => `${label}太长`,
  matches: (label) => `${label}格式不正确`,
  isInt: (label) => `${label}须为整数`,
  min: (label) => `${label}太小`,
  max: (label) => `${label}太大`,
  isIn: (label) => `${label}的取值无效`,
};

/** class-validator problems as one Chinese sentence per field. */
export function fieldErrorsInChinese(errors: readonly ValidationError[], labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const label = labels[error.property] ?? error.property;
    const first = Object.keys(error.constraints ?? {})[0];
    out[error.property] = first && CONSTRAINTS[first] ? CONSTRAINTS[first](label) : `${label}无效`;
  }
  return out;
}
