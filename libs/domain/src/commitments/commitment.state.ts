/** One expert's signature of one selection's declaration, as a score command and the score sheet carry it. */
export interface SignedDeclaration {
  readonly selectionId: string;
  readonly expertId: string;
  readonly version: string;
  readonly paragraphs: readonly string[];
  readonly signedAt: string;
}

export type CommitmentState = { readonly status: 'unsigned' } | ({ readonly status: 'signed' } & SignedDeclaration);

/** The signature in a folded state, or null before he signed. */
export function signatureOf(state: CommitmentState): SignedDeclaration | null {
  if (state.status === 'unsigned') return null;
  const { selectionId, expertId, version, paragraphs, signedAt } = state;
  return { selectionId, expertId, version, paragraphs, signedAt };
}
