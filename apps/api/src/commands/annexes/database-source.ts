import type { INestApplicationContext } from '@nestjs/common';
import type { DocumentFormat } from '@app/documents';
import { describePhase } from '@app/domain/selection';
import type { Selection } from '@app/domain/selection';
import { DomainRefusal } from '@app/domain/shared/refusal';
import { ANONYMOUS } from '../../auth/actor';
import { renderFutureScenariosAnnex } from '../../future-scenarios/read-future-scenarios/future-scenarios-annex';
import { FutureScenariosReads } from '../../future-scenarios/read-future-scenarios/future-scenarios-reads';
import { publishedDocumentKinds, renderPublishedDocument } from '../../notice/annex/render-published-document';
import { NoticeReads } from '../../notice/shared/notice-reads';
import { StreamDirectory } from '../../workflow/stream-directory';
import type { AnnexSource, DocumentRef, FetchedDocument, SelectionSummary } from './write-annexes';

const isRefusal = (error: unknown, code: string) => error instanceof DomainRefusal && error.code === code;

const summaryOf = (selection: Selection): SelectionSummary => ({
  selectionId: selection.selectionId,
  year: selection.year,
  phase: selection.phase,
  phaseDescription: describePhase(selection),
  documents: publishedDocumentKinds(selection),
});

/**
 * The documents from the app's own database, rendered by the builders the API's annex endpoints use
 * (renderPublishedDocument, renderFutureScenariosAnnex), as an anonymous reader would get them.
 */
export function databaseSource(app: INestApplicationContext): AnnexSource {
  const directory = app.get(StreamDirectory, { strict: false });
  const reads = app.get(NoticeReads, { strict: false });
  const futureScenarios = app.get(FutureScenariosReads, { strict: false });
  const asFile = (rendered: { fileName: string; body: string | Buffer }): FetchedDocument => ({
    fileName: rendered.fileName,
    body: typeof rendered.body === 'string' ? Buffer.from(rendered.body, 'utf8') : rendered.body,
  });
  return {
    async selection(selectionId) {
      try {
        return summaryOf((await directory.selection(selectionId)).value);
      } catch (error) {
        if (isRefusal(error, 'selection-not-found')) return null;
        throw error;
      }
    },
    async selections() {
      return (await directory.selections()).map(summaryOf);
    },
    async hasFutureScenarios(year) {
      try {
        await futureScenarios.published(year);
        return true;
      } catch (error) {
        if (isRefusal(error, 'future-scenarios-not-found')) return false;
        throw error;
      }
    },
    async fetch(ref: DocumentRef, format: DocumentFormat) {
      if (ref.kind === 'future-scenarios') return asFile(await renderFutureScenariosAnnex((await futureScenarios.published(ref.year)).value, format));
      const { value: selection } = await directory.selection(ref.selectionId);
      return asFile(await renderPublishedDocument(reads, selection, { format, document: ref.document, actor: ANONYMOUS }));
    },
  };
}
