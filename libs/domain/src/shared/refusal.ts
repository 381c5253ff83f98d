/**
 * A command the rules do not allow. `code` is stable for programs; `message` is written for the
 * person who sent the command (Chinese for users of the system is added by the UI layer from code).
 * The API maps it to 409 (or 400 for `kind: 'invalid'`).
 */
export type RefusalKind = 'conflict' | 'invalid' | 'forbidden' | 'not-found';

export class DomainRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: RefusalKind = 'conflict',
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainRefusal';
  }
}

export function refuse(
  code: string,
  message: string,
  kind: RefusalKind = 'conflict',
  details?: Record<string, unknown>,
): DomainRefusal {
  return new DomainRefusal(code, message, kind, details);
}
