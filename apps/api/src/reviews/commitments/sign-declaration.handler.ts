import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { commitmentDecider, commitmentStreamOf } from '@app/domain/commitments';
import { selectionFactsOf } from '@app/domain/selection';
import { refuse } from '@app/domain/shared/refusal';
import type { UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../workflow/command-runner';
import { StreamDirectory } from '../../workflow/stream-directory';
import { SignDeclarationCommand } from './sign-declaration.command';

/** The expert signs the selection's declaration: one event on commitment-{selectionId}-{expertId}. */
@CommandHandler(SignDeclarationCommand)
export class SignDeclarationHandler implements ICommandHandler<SignDeclarationCommand, UnitOfWorkResult<void>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: StreamDirectory,
  ) {}

  async execute({ selectionId, version, context }: SignDeclarationCommand): Promise<UnitOfWorkResult<void>> {
    const { metadata } = context;
    const expertId = metadata.actor.expertId;
    if (!expertId) throw refuse('forbidden', 'this account is not linked to an expert', 'forbidden');
    const stream = commitmentStreamOf(selectionId, expertId);
    return this.runner.run('SignDeclaration', context, async (unit) => {
      const selection = selectionFactsOf((await this.directory.selection(selectionId)).value);
      await unit.decide(stream, commitmentDecider, { type: 'SignDeclaration', data: { selection, expertId, version }, metadata });
    }, { stream });
  }
}
