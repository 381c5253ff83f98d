import type { EntityManager } from 'typeorm';
import { ExpertEvent, ExpertState, RegisteredExpert, expertDecider } from '@app/domain/expert';
import { aggregateIdOf, asDomainEvent, loadFoldedState } from '../folded-state';
import type { Projection } from '../projection';

/** rm_experts: the expert pool with each expert's fields, status and declared conflicts. */
export const expertPoolProjection: Projection = {
  name: 'expert-pool',
  version: 1,
  categories: ['expert'],
  tables: ['rm_experts'],
  async handle(events, manager) {
    const experts = new Map<string, ExpertState>();
    for (const event of events) {
      const id = aggregateIdOf(event.streamId);
      const state = experts.get(id) ?? (await loadFoldedState<ExpertState>(manager, 'rm_experts', id)) ?? expertDecider.initialState();
      experts.set(id, expertDecider.evolve(state, asDomainEvent<ExpertEvent>(event)));
    }
    for (const state of experts.values()) {
      if (state.status !== 'none') await upsertExpert(manager, state);
    }
  },
};

async function upsertExpert(manager: EntityManager, expert: RegisteredExpert): Promise<void> {
  await manager.query(
    `INSERT INTO rm_experts (id, name, organisation_name, organisation_credit_code, fields, active, conflicts, state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, organisation_name = EXCLUDED.organisation_name,
       organisation_credit_code = EXCLUDED.organisation_credit_code, fields = EXCLUDED.fields, active = EXCLUDED.active,
       conflicts = EXCLUDED.conflicts, state = EXCLUDED.state`,
    [
      expert.expertId,
      expert.name,
      expert.organisationName,
      expert.organisationCreditCode,
      JSON.stringify(expert.fields),
      expert.status === 'active',
      JSON.stringify(expert.conflicts),
      JSON.stringify(expert),
    ],
  );
}
