import type { AuthenticatedClient, TestApp } from '../support/test-app';
import { signDeclaration } from '../support/sign-declaration';

/**
 * The online stage of a two-stage selection whose dossiers have passed formal review: the admin plans
 * the assignments on 2026-04-15, and every assigned expert signs his declaration and scores his dossier
 * with the points `pointsFor` gives it (over the API; the portal tests walk only what comes after).
 */
export async function scoreOnlineStage(
  t: TestApp,
  admin: AuthenticatedClient,
  experts: ReadonlyMap<string, AuthenticatedClient>,
  selectionId: string,
  pointsFor: (dossierId: string) => Record<string, number>,
  comment: string,
): Promise<void> {
  await t.settle();
  t.clock.set('2026-04-15T02:00:00.000Z');
  const planned = await admin.post(`/api/v1/selections/${selectionId}/assignments`).send({}).expect(201);
  for (const { dossierId, expertId } of planned.body.assignments as { dossierId: string; expertId: string }[]) {
    await signDeclaration(experts.get(expertId)!, selectionId);
    await experts.get(expertId)!.put(`/api/v1/dossiers/${dossierId}/reviews/mine`).send({ points: pointsFor(dossierId), comment }).expect(200);
  }
}
