import { createHash } from 'node:crypto';
import { creditCodeCheckCharacter } from '@app/domain/credit-code';
import type { AuthenticatedClient, TestApp } from '../support/test-app';

/** A valid 统一社会信用代码 that differs by its 17th character. */
export function creditCodeOf(seventeenth: string): string {
  const body = `91430100MA4L16JQ${seventeenth}`;
  return body + creditCodeCheckCharacter(body);
}

/** Registers an applicant organisation with one user and signs in as that user. */
export async function registerApplicant(t: TestApp, seventeenth: string, username: string): Promise<AuthenticatedClient> {
  const password = `${username}-password-long`;
  await t.http
    .post('/api/v1/organisations')
    .send({ creditCode: creditCodeOf(seventeenth), name: `湖南${username}科技有限公司`, contactName: '张三', contactPhone: '0731-88888888', username, password })
    .expect(201);
  return t.as(username, password);
}

export const DEMO_SCENARIO_FIELDS = {
  sceneName: '港口无人巡检',
  domain: 'AI+无人巡检',
  description: '在港区部署无人机与机器狗协同巡检。',
  demonstration: '覆盖岸桥、堆场与闸口,替代人工夜间巡检。',
  promotionValue: '可推广至省内其他港口与物流园区。',
};

export const REQUIRED_DEMO_KINDS = ['application-form', 'legal-entity-certificate', 'integrity-commitment', 'investment-evidence'];

/** A small but real-looking PDF: it starts with the PDF signature the upload checks. */
export function pdfBytes(label: string): Buffer {
  return Buffer.from(`%PDF-1.7\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'utf8');
}

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export function draftBody(overrides: Record<string, unknown> = {}) {
  return {
    title: '智慧港口无人巡检示范场景',
    projectCode: 'XM-2026-0001',
    tier: 'scenario',
    fields: DEMO_SCENARIO_FIELDS,
    declaredInvestmentFen: 500_000_000,
    ...overrides,
  };
}

export function upload(client: AuthenticatedClient, dossierId: string, kind: string, bytes: Buffer, filename: string, contentType = 'application/pdf') {
  return client.post(`/api/v1/dossiers/${dossierId}/attachments`).field('kind', kind).attach('file', bytes, { filename, contentType });
}

/** Drafts a complete dossier (every required field and attachment) and returns its id. */
export async function completeDossier(client: AuthenticatedClient, selectionId: string, label: string): Promise<string> {
  const drafted = await client.post(`/api/v1/selections/${selectionId}/dossiers`).send(draftBody({ title: `${label}示范场景` })).expect(201);
  const id = drafted.body.id as string;
  for (const kind of REQUIRED_DEMO_KINDS) {
    await upload(client, id, kind, pdfBytes(`${label} ${kind}`), `${kind}.pdf`).expect(201);
  }
  return id;
}
