import type { EntityManager } from 'typeorm';

/**
 * The mail addresses behind an audience, read when the mail goes out (an address set after the
 * notification still receives it): every active account of the organisation, the expert's account, or
 * every admin, that has given an address.
 */
export async function addressesOf(manager: EntityManager, audience: string): Promise<string[]> {
  const [kind, id] = splitAudience(audience);
  const where =
    kind === 'organisation' ? `a.role = 'applicant' AND a.organisation_credit_code = $1` : kind === 'expert' ? `a.role = 'expert' AND a.expert_id = $1` : `a.role = 'admin'`;
  const rows: { email: string }[] = await manager.query(
    `SELECT DISTINCT n.email FROM accounts a JOIN notification_addresses n ON n.account_id = a.id WHERE a.active AND ${where} ORDER BY n.email`,
    kind === 'admins' ? [] : [id],
  );
  return rows.map((row) => row.email);
}

export function splitAudience(audience: string): ['organisation' | 'expert' | 'admins', string] {
  if (audience === 'admins') return ['admins', ''];
  const colon = audience.indexOf(':');
  const kind = audience.slice(0, colon);
  if (kind !== 'organisation' && kind !== 'expert') throw new Error(`unknown audience ${audience}`);
  return [kind, audience.slice(colon + 1)];
}

/** The audiences an account belongs to: what its inbox shows. */
export function audiencesOf(claims: { role: string; org?: string; expert?: string }): string[] {
  if (claims.role === 'admin') return ['admins'];
  if (claims.role === 'applicant' && claims.org) return [`organisation:${claims.org}`];
  if (claims.role === 'expert' && claims.expert) return [`expert:${claims.expert}`];
  return [];
}
