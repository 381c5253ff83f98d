export type Role = 'admin' | 'expert' | 'applicant' | 'public' | 'system';

/** Who acts. The application layer fills it from the authenticated request; the domain trusts it. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  /** 统一社会信用代码 of the applicant organisation the actor belongs to. */
  readonly organisationCreditCode?: string;
  /** The expert-{id} stream id suffix of an expert account. */
  readonly expertId?: string;
}

/** Every command carries the clock and the actor; the domain never reads either itself. */
export interface CommandMetadata {
  /** ISO-8601 instant, e.g. 2026-03-31T15:59:59.000Z. */
  readonly now: string;
  readonly actor: Actor;
}
