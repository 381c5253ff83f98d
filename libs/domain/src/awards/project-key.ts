import { assertCreditCode } from '../credit-code/credit-code';
import { refuse } from '../shared/refusal';

/**
 * A project title reduced to what identifies it: full-width forms folded (（ → (, Ａ → A), letters
 * lower-cased, spaces, invisible characters and punctuation (including 《》“”、。) removed.
 * Symbols stay, so "AI+医疗" and "AI医疗" are different titles.
 */
export function normaliseProjectTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{White_Space}\p{P}\p{Cf}]/gu, '');
}

/**
 * The identity of "the same applicant and project" for the non-duplication rule: the applicant's
 * credit code with the project code when there is one (立项编号, stable across programmes),
 * otherwise with the normalised title. Refuses an invalid credit code (`invalid-credit-code`) and a
 * project with neither code nor title (`invalid-project`).
 */
export function projectKey(project: { creditCode: string; projectCode?: string; title: string }): string {
  const creditCode = assertCreditCode(project.creditCode);
  const code = project.projectCode === undefined ? '' : normaliseProjectTitle(project.projectCode);
  if (code !== '') return `${creditCode}|code:${code}`;
  const title = normaliseProjectTitle(project.title);
  if (title === '') {
    throw refuse('invalid-project', `project of ${creditCode} needs a project code or a title with letters in it`, 'invalid');
  }
  return `${creditCode}|title:${title}`;
}
