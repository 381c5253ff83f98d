import { refuse } from '../shared/refusal';
import { ATTACHMENT_MEDIA_TYPES, checkFileFacts } from './attachments';
import type { EvidenceRecord } from './dossier.events';

/** Evidence is what a person can scan or photograph: PDF, PNG or JPEG (the dossier's own types, less the office formats). */
export const EVIDENCE_MEDIA_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ATTACHMENT_MEDIA_TYPES['application/pdf'],
  'image/png': ATTACHMENT_MEDIA_TYPES['image/png'],
  'image/jpeg': ATTACHMENT_MEDIA_TYPES['image/jpeg'],
};

/** One objection, filed by anyone without an account, carries at most this much. */
export const EVIDENCE_LIMITS = { maxFiles: 5, maxFileBytes: 10 * 1024 * 1024 } as const;

/** The evidence files of one objection, checked as a dossier's attachments are, each file once. */
export function validateEvidence(given: unknown): EvidenceRecord[] {
  if (given === undefined || given === null) return [];
  if (!Array.isArray(given)) throw refuse('invalid-evidence', 'the evidence must be a list of files', 'invalid');
  if (given.length > EVIDENCE_LIMITS.maxFiles) {
    throw refuse('too-many-evidence-files', `an objection may carry at most ${EVIDENCE_LIMITS.maxFiles} evidence files, got ${given.length}`, 'invalid');
  }
  const checked: EvidenceRecord[] = [];
  for (const file of given as Record<string, unknown>[]) {
    const facts = checkFileFacts(file ?? {}, EVIDENCE_MEDIA_TYPES, EVIDENCE_LIMITS.maxFileBytes, 'evidence');
    const same = checked.find((earlier) => earlier.sha256 === facts.sha256);
    if (same) throw refuse('invalid-evidence', `${facts.name} is the same file as ${same.name}; send each file once`, 'invalid');
    checked.push(facts);
  }
  return checked;
}
