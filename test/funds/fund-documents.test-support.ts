import type { AuthenticatedClient } from '../support/test-app';
import { pdfBytes } from '../dossiers/dossier-fixtures';

/** Uploads a small PDF for a money application and returns its documentId. */
export async function uploadFundDocument(client: AuthenticatedClient, kind: string, label: string): Promise<string> {
  const response = await client.post('/api/v1/fund-documents').field('kind', kind).attach('file', pdfBytes(label), { filename: `${label}.pdf`, contentType: 'application/pdf' }).expect(201);
  return response.body.documentId as string;
}

export const CLAIM_DOCUMENT_KINDS = ['compute-invoices', 'service-contract', 'integrity-commitment'] as const;

/** The three required documents of a 算力券 claim, uploaded by the enterprise. */
export async function uploadClaimDocuments(client: AuthenticatedClient, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (const kind of CLAIM_DOCUMENT_KINDS) ids.push(await uploadFundDocument(client, kind, `${label}-${kind}`));
  return ids;
}
