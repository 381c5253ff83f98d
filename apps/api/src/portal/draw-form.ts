import { randomBytes } from 'node:crypto';

/** The 分配专家 form's choice: the balanced plan, or 专家抽取 with its seed and reserves per dossier. */
export type AssignChoice =
  | { readonly method: 'balanced' }
  | { readonly method: 'draw'; readonly seed: string; readonly reservesPerDossier: number }
  | { readonly method: 'invalid'; readonly problem: string };

/** Reserves per dossier the form proposes (the API's default too). */
export const FORM_DRAW_RESERVES = 2;

/**
 * A seed nobody knows before the form is shown: the admin sees it before confirming and may replace
 * it with one announced in advance (e.g. the numbers of a public lottery).
 */
export const freshDrawSeed = (): string => randomBytes(6).toString('hex');

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Reads and checks the form's method, seed and reserves; a problem is said in Chinese. */
export function assignChoiceOf(body: Record<string, unknown>): AssignChoice {
  const method = text(body.method) || 'balanced';
  if (method === 'balanced') return { method };
  if (method !== 'draw') return { method: 'invalid', problem: '请选择分配方式:均衡分配或随机抽取。' };
  const seed = text(body.seed);
  if (seed.length < 1 || seed.length > 100) return { method: 'invalid', problem: '随机种子须为 1 至 100 个字符。请使用页面生成的种子,或填写公开约定的种子。' };
  const reserves = text(body.reservesPerDossier) || String(FORM_DRAW_RESERVES);
  if (!/^\d+$/.test(reserves) || Number(reserves) > 10) return { method: 'invalid', problem: '每项备选专家人数须为 0 至 10 的整数。请修改后重试。' };
  return { method: 'draw', seed, reservesPerDossier: Number(reserves) };
}
