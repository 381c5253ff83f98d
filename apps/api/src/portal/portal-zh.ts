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
  'selection-already-opened': '该年度(批次)的评选已经开放过。',
  'invalid-call-rules': '评选规则设置不正确。',
  'unknown-programme': '评选类别不存在。',
  'invalid-credit-code': '统一社会信用代码不正确(请核对校验位)。',
  'expert-not-found': '专家不存在。',
  'expert-already-registered': '该专家已登记。',
  'expert-fields-missing': '请至少填写一个专业领域。',
  'expert-fields-too-many': '专业领域最多 10 个。',
  'expert-deactivated': '该专家已停用。',
  'conflict-already-declared': '已申报过与该单位的利益冲突。',
  'conflict-already-covered': '该单位是专家本人所在单位,系统已自动回避。',
  'review-deadline-past': '评审截止日期不能早于今天。',
  'invalid-date': '日期无效,请按“年-月-日”填写真实日期。',
  'no-open-places': '所有评审项目的专家均已配齐,无需补充分配。',
  'no-experts': '专家库中没有可分配的专家。',
  'stream-not-found': '没有这条记录流。',
  'objection-already-decided': '该异议已处理。',
  'objections-open': '仍有未处理的异议。',
  'review-not-closed': '专家评审尚未结束。',
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
  if (status === 409) {
    const message = (error as { message?: string }).message ?? '';
    return /username .* is taken/.test(message) ? '该用户名已被使用,请换一个。' : '操作与当前状态冲突,请刷新后重试。';
  }
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
  isLength: (label) => `${label}的长度不符合要求`,
  arrayMinSize: (label) => `请至少填写一项${label}`,
  arrayMaxSize: (label) => `${label}项数过多`,
  isArray: (label) => `请填写${label}`,
  isObject: (label) => `${label}格式不正确`,
};

/** Constraints whose own message says more than the generic sentence (e.g. "must be 18 characters"). */
const SPECIFIC: Record<string, (label: string, error: ValidationError) => string | null> = {
  isLength: (label, error) => {
    const message = error.constraints?.isLength ?? '';
    const exact = /must be (\d+) characters/.exec(message);
    if (exact) return `${label}应为 ${exact[1]} 位`;
    const range = /must be (\d+)-(\d+) characters/.exec(message);
    if (range) return `${label}应为 ${range[1]}–${range[2]} 个字符`;
    const longer = /longer than or equal to (\d+)/.exec(message);
    if (longer && longer[1] !== '1') return `${label}至少 ${longer[1]} 个字符`;
    if (longer) return `请填写${label}`;
    const shorter = /shorter than or equal to (\d+)/.exec(message);
    return shorter ? `${label}不超过 ${shorter[1]} 个字符` : null;
  },
};

/** class-validator problems as one Chinese sentence per field. */
export function fieldErrorsInChinese(errors: readonly ValidationError[], labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const label = labels[error.property] ?? error.property;
    if (error.children && error.children.length > 0 && !error.constraints) {
      // A nested object (e.g. the call's overrides): each inner field keeps its own label.
      Object.assign(out, fieldErrorsInChinese(error.children, labels));
      continue;
    }
    const first = Object.keys(error.constraints ?? {})[0];
    const specific = first ? SPECIFIC[first]?.(label, error) : null;
    out[error.property] = specific ?? (first && CONSTRAINTS[first] ? CONSTRAINTS[first](label) : `${label}无效`);
  }
  return out;
}
