import type { ObjectionRecord } from '@app/domain/dossier';
import { evidenceHref } from '../notice/read-objections/read-objections.controller';

/** An objection's evidence as the admin pages list it: each file linked to its download. */
export function evidenceLinks(selectionId: string, objection: ObjectionRecord) {
  // Dossier states folded before objections had evidence carry none.
  return (objection.evidence ?? []).map((file) => ({ ...file, href: evidenceHref(selectionId, objection.objectionId, file.sha256) }));
}
