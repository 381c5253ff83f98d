import { renderAnnex, renderAwardList } from '@app/documents';
import type { DocumentFormat, RenderedDocument } from '@app/documents';
import type { Selection } from '@app/domain/selection';
import type { Actor } from '@app/domain/shared/command-metadata';
import type { NoticeReads } from '../shared/notice-reads';
import { publishedEntriesOf } from '../shared/published-entry';
import { requireVisibleAwards } from '../shared/published-selection';
import { annexOf, awardListOf, hasAnnexLayout } from './annex-documents';
import type { AnnexDocumentKind } from './annex-documents';

export interface PublishedDocumentRequest {
  readonly format: DocumentFormat;
  /** annex (default): 附件1/2/4; the money-only programmes answer with their award list. */
  readonly document?: AnnexDocumentKind;
  /** Who asks: the award list is visible to admins once decided, to everyone once published. */
  readonly actor: Actor;
}

/**
 * A selection's published list as a file (附件1/2/4 or the award list), as GET …/annex serves it and
 * `npm run annexes` writes it: one builder, so both give the same bytes.
 */
export async function renderPublishedDocument(reads: NoticeReads, selection: Selection, request: PublishedDocumentRequest): Promise<RenderedDocument> {
  requireVisibleAwards(selection, request.actor);
  const entryOf = await publishedEntriesOf(reads, selection);
  const wantsAwardList = request.document === 'award-list' || !hasAnnexLayout(selection);
  return wantsAwardList
    ? renderAwardList(awardListOf(selection, entryOf), request.format)
    : renderAnnex(annexOf(selection, entryOf), request.format);
}

/** The documents a published selection has: its annex layout (附件1/2/4), and the award list when it grants money. */
export function publishedDocumentKinds(selection: Pick<Selection, 'programme' | 'rules'>): AnnexDocumentKind[] {
  return [...(hasAnnexLayout(selection) ? (['annex'] as const) : []), ...(selection.rules.award.kind === 'money' ? (['award-list'] as const) : [])];
}
