import type { AuthenticatedClient } from './test-app';

/**
 * The expert reads the selection's 保密承诺、回避声明 and signs the version he was shown, as the
 * portal asks on his first entry; a second call finds it signed and leaves it.
 */
export async function signDeclaration(expert: AuthenticatedClient, selectionId: string): Promise<{ version: string; signedAt: string }> {
  const text = await expert.get(`/api/v1/selections/${selectionId}/declaration`).expect(200);
  if (text.body.signature) return text.body.signature;
  return (await expert.post(`/api/v1/selections/${selectionId}/declaration/signature`).send({ version: text.body.version }).expect(201)).body;
}
