import type { Actor } from '@app/domain/shared/command-metadata';

/** What a verified token says about its bearer; the JWT payload carries exactly this. */
export interface TokenClaims {
  readonly sub: string;
  readonly role: 'admin' | 'expert' | 'applicant';
  readonly name: string;
  readonly org?: string;
  readonly expert?: string;
  /** The account's token version when the token was signed (see Account.tokenVersion). */
  readonly ver: number;
}

export const ANONYMOUS: Actor = { id: 'anonymous', role: 'public' };

export function actorFromClaims(claims: TokenClaims): Actor {
  return {
    id: claims.sub,
    role: claims.role,
    ...(claims.org ? { organisationCreditCode: claims.org } : {}),
    ...(claims.expert ? { expertId: claims.expert } : {}),
  };
}
