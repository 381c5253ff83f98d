import type { ValidationError } from 'class-validator';
import { DomainRefusal } from '@app/domain/shared/refusal';
import { refusalMessage, messageForPeople } from '@app/domain/shared/refusal-messages';

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

/** A refusal in Chinese from the one catalogue; the English reason stays in the API's details. */
export function refusalInChinese(error: DomainRefusal): string {
  return messageForPeople(error.code, error.message);
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
