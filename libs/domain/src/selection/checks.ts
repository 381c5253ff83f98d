import { instantToEpochMs } from '../calendar';
import type { CommandMetadata, Role } from '../shared/command-metadata';
import { refuse } from '../shared/refusal';

const ROLE_WORDS: Readonly<Record<Role, string>> = {
  admin: 'an administrator',
  system: 'the system',
  expert: 'an expert',
  applicant: 'an applicant',
  public: 'a member of the public',
};

/** Refuses `forbidden` unless the actor has one of the roles. */
export function requireRole(metadata: CommandMetadata, roles: readonly Role[], action: string): void {
  if (!roles.includes(metadata.actor.role)) {
    const who = roles.map((role) => ROLE_WORDS[role]).join(' or ');
    throw refuse('forbidden', `only ${who} may ${action}`, 'forbidden', { role: metadata.actor.role });
  }
}

/** Trimmed, non-empty text of bounded length, or a refusal naming what is wrong with it. */
export function requireText(value: unknown, what: string, maxLength: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw refuse('text-missing', `${what} is required`, 'invalid');
  if (text.length > maxLength) {
    throw refuse('text-too-long', `${what} must be at most ${maxLength} characters, got ${text.length}`, 'invalid');
  }
  return text;
}

/** Like requireText, but null / undefined / blank is allowed and gives null. */
export function optionalText(value: unknown, what: string, maxLength: number): string | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  return requireText(value, what, maxLength);
}

/** true when instant `a` is strictly later than instant `b`. */
export function isLater(a: string, b: string): boolean {
  return instantToEpochMs(a) > instantToEpochMs(b);
}
