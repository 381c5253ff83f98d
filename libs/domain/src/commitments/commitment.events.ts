/**
 * Facts of a commitment-{selectionId}-{expertId} stream: at most one signature of the selection's
 * declaration by one expert (bounded: one event).
 */
export type CommitmentEvent = {
  type: 'DeclarationSigned';
  data: {
    selectionId: string;
    expertId: string;
    /** The version label of the text signed, and the text itself as it was shown. */
    version: string;
    paragraphs: string[];
    signedAt: string;
  };
};

export type CommitmentEventType = CommitmentEvent['type'];
