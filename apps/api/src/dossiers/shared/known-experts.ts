import { refuse } from '@app/domain/shared/refusal';
import { StreamDirectory } from '../../workflow/stream-directory';

/**
 * The experts an applicant asks to keep away (申请回避) must be registered experts: an id nobody has
 * would silently protect from no one. Refuses `unknown-expert` (400) naming the ids.
 */
export async function requireKnownExperts(directory: StreamDirectory, expertIds: readonly string[] | undefined): Promise<void> {
  if (!expertIds || expertIds.length === 0) return;
  const unknown: string[] = [];
  for (const expertId of expertIds) {
    try {
      await directory.expert(expertId);
    } catch {
      unknown.push(expertId);
    }
  }
  if (unknown.length > 0) {
    throw refuse('unknown-expert', `no registered expert has the id ${unknown.map((id) => JSON.stringify(id)).join(', ')}`, 'invalid', { unknown });
  }
}
