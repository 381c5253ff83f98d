import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { conflictDossierOf, dossierDecider } from '@app/domain/dossier';
import { decidePanel, Selection, selectionDecider, selectionFactsOf, selectionStreamOf } from '@app/domain/selection';
import { refuse } from '@app/domain/shared/refusal';
import { CommandRunner } from '../../workflow/command-runner';
import { StreamDirectory } from '../../workflow/stream-directory';
import { dossierStreamOf, ReviewFacts } from '../review-facts';
import { ReviewReads } from '../review-reads';
import { FormPanelCommand } from './form-panel.command';
import type { PanelResponse } from './form-panel.request.dto';

/**
 * The selection names the stage's panel (PanelFormed); the process-manager step seats it on every
 * dossier of the stage with the members recused from that dossier (PanelSeated) — one atomic append.
 */
@CommandHandler(FormPanelCommand)
export class FormPanelHandler implements ICommandHandler<FormPanelCommand, PanelResponse> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: StreamDirectory,
    private readonly facts: ReviewFacts,
    private readonly reads: ReviewReads,
  ) {}

  async execute({ selectionId, request, context }: FormPanelCommand): Promise<PanelResponse> {
    const stream = selectionStreamOf(selectionId);
    await this.directory.selection(selectionId); // 404 before anything else
    const result = await this.runner.run('FormPanel', context, async (unit) => {
      const selection = (await unit.load(stream, selectionDecider)).state as Selection;
      const [dossiers, pool] = await Promise.all([this.reads.reviewedDossiersOf(selection), this.facts.pool()]);
      const byId = new Map(pool.map((expert) => [expert.expertId, expert]));
      const unknown = request.expertIds.filter((id) => !byId.has(id));
      if (unknown.length > 0) throw refuse('unknown-expert', `no registered expert ${unknown.join(', ')}`, 'invalid', { expertIds: unknown });
      const { state, value: panel } = await unit.decideWith(stream, selectionDecider, (current) => {
        const decided = decidePanel(
          {
            type: 'FormPanel',
            data: {
              name: request.name,
              members: request.expertIds.map((id) => byId.get(id)!),
              dossiers: dossiers.map((dossier) => conflictDossierOf(dossier, selection.rules)),
            },
            metadata: context.metadata,
          },
          current,
        );
        return { events: decided.events, value: decided };
      });
      const facts = selectionFactsOf(state as Selection);
      for (const seat of panel.seats) {
        await unit.decide(dossierStreamOf(seat.dossierId), dossierDecider, {
          type: 'SeatPanel',
          data: { dossierId: seat.dossierId, selection: facts, stage: panel.stage, panelName: panel.name, expertIds: seat.expertIds, recused: seat.recused },
          metadata: context.metadata,
        });
      }
      return { stage: panel.stage, name: panel.name, seats: panel.seats.map((seat) => ({ ...seat, expertIds: [...seat.expertIds], recused: [...seat.recused] })) };
    }, { stream });
    return { selectionId, ...result.value, revision: String(result.revisions.get(stream) ?? '') };
  }
}
