/** Facts of an expert-{id} stream: the pool of reviewers and what keeps each away from a dossier (回避). */
export type ExpertEvent =
  | {
      type: 'ExpertRegistered';
      data: {
        expertId: string;
        name: string;
        organisationName: string;
        /** 统一社会信用代码 of the expert's employer, normalised. */
        organisationCreditCode: string;
        fields: string[];
        registeredAt: string;
      };
    }
  | {
      type: 'ConflictDeclared';
      data: { expertId: string; creditCode: string; reason: string; declaredAt: string };
    }
  | { type: 'ExpertDeactivated'; data: { expertId: string; reason: string; deactivatedAt: string } }
  | { type: 'ExpertReactivated'; data: { expertId: string; reactivatedAt: string } };

export type ExpertEventType = ExpertEvent['type'];
