import { creditCodeCheckCharacter } from '../credit-code';
import type { CommandMetadata } from '../shared/command-metadata';

/** A valid 统一社会信用代码 made from a short number: 91430100 + 9-digit organisation id + check. */
export function creditCode(n: number): string {
  const body = `91430100${String(n).padStart(9, '0')}`;
  return body + creditCodeCheckCharacter(body);
}

export const NOW = '2026-03-02T02:00:00.000Z';

export function asAdmin(now = NOW): CommandMetadata {
  return { now, actor: { id: 'admin-1', role: 'admin' } };
}

export function asSystem(now = NOW): CommandMetadata {
  return { now, actor: { id: 'process-manager', role: 'system' } };
}

export function asApplicant(organisationCreditCode: string, now = NOW): CommandMetadata {
  return { now, actor: { id: `user-${organisationCreditCode}`, role: 'applicant', organisationCreditCode } };
}

export function asExpert(expertId: string, now = NOW): CommandMetadata {
  return { now, actor: { id: `user-${expertId}`, role: 'expert', expertId } };
}

export function asPublic(now = NOW): CommandMetadata {
  return { now, actor: { id: 'visitor-1', role: 'public' } };
}
