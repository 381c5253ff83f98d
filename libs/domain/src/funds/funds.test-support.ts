import type { CommandMetadata } from '../shared/command-metadata';
import { FUND_DOCUMENT_KIND_TEXT } from './fund-document';
import type { FundDocument, FundDocumentKind } from './fund-document';
import { seedMeasures } from './measures.test-support';
import type { PolicyExtension, PolicyValidity } from './policy-validity';

export const MEASURES = seedMeasures();

export function validity(extensions: readonly PolicyExtension[] = []): PolicyValidity {
  return { window: MEASURES.validity, extensions };
}

export const EXTENSION: PolicyExtension = {
  documentNo: '湘政发〔2028〕9号(示例)',
  title: '关于延长“人工智能+”支持措施有效期的通知(示例)',
  extendedTo: '2031-10-26',
  recordedAt: '2028-09-01T02:00:00.000Z',
  recordedBy: 'admin-1',
};

/** 10:00 in Changsha on a date. */
export function at(date: string): string {
  return `${date}T02:00:00.000Z`;
}

export function admin(date: string): CommandMetadata {
  return { now: at(date), actor: { id: 'admin-1', role: 'admin' } };
}

export function applicant(creditCode: string, date: string, time = '02:00:00.000Z'): CommandMetadata {
  return { now: `${date}T${time}`, actor: { id: `user-${creditCode}`, role: 'applicant', organisationCreditCode: creditCode } };
}

export const SHA = 'a'.repeat(64);

/** An uploaded PDF of a kind, as the upload endpoint records it. */
export function uploaded(kind: FundDocumentKind, documentId = `doc-${kind}`): FundDocument {
  return { documentId, kind, name: `${FUND_DOCUMENT_KIND_TEXT[kind]}.pdf`, sizeBytes: 12_345, sha256: SHA };
}

/** 万元 → fen. */
export function wan(amount: number): number {
  return amount * 10_000 * 100;
}
