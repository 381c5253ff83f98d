import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@app/event-store';
import { ExpertEvent, ExpertState, RegisteredExpert, expertDecider } from '@app/domain/expert';
import type { Projection } from '../projection';

const asDomainEvent = <E>(event: RecordedEvent): E => ({ type: event.type, data: event.data }) as E;

/** rm_experts: the expert pool with each expert's fields, status and declared conflicts. */
export const expertPoolProjection: Projection = {
  name: 'expert-pool',
  version: 1,
  categories: ['expert'],
  tables: ['rm_experts'],
  async handle(events, manager) {
    const experts = new Map<string, ExpertState>();
    for (const event of events) {
      const id = event.streamId.slice(event.streamId.indexOf('-') + 1);
      const state = experts.get(id) ?? (await loadExpert(manager, id)) ?? expertDecider.initialState();
      experts.set(id, expertDecider.evolve(state, asDomainEvent<ExpertEvent>(event)));
    }
    for (const state of experts.values()) {
      if (state.status !== 'none') await upsertExpert(manager, state);
    }
  },
};

async function loadExpert(manager: EntityManager, id: string): Promise<ExpertState | null> {
  const rows: { state: ExpertState }[] = await manager.query('SELECT state FROM rm_experts WHERE id = $1', [id]);
  return rows.length === 0 ? null : rows[0].state;
}

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
