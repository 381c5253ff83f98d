import type { CommandMetadata } from '../shared/command-metadata';

export type ExpertCommand =
  | {
      type: 'RegisterExpert';
      data: {
        expertId: string;
        name: string;
        organisationName: string;
        organisationCreditCode: string;
        /** Fields of expertise, matched against a dossier's field (e.g. "AI+离散型制造", "算力芯片"). */
        fields: string[];
      };
      metadata: CommandMetadata;
    }
  | {
      /** An organisation the expert must not review (former employer, shareholding, family ...). */
      type: 'DeclareConflict';
      data: { expertId: string; creditCode: string; reason: string };
      metadata: CommandMetadata;
    }
  | { type: 'DeactivateExpert'; data: { expertId: string; reason: string }; metadata: CommandMetadata }
  | { type: 'ReactivateExpert'; data: { expertId: string }; metadata: CommandMetadata };
