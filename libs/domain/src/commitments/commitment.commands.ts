import type { SelectionFacts } from '../selection/selection.phase';
import type { CommandMetadata } from '../shared/command-metadata';

/**
 * The expert signs the selection's declaration. `version` is the version he was shown: a text changed
 * since (another version in the call's rules) is refused, so nobody signs a text he did not read.
 */
export interface SignDeclaration {
  readonly type: 'SignDeclaration';
  readonly data: { readonly selection: SelectionFacts; readonly expertId: string; readonly version: string };
  readonly metadata: CommandMetadata;
}

export type CommitmentCommand = SignDeclaration;
