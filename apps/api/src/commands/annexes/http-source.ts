import type { DocumentFormat } from '@app/documents';
import type { Selection } from '@app/domain/selection';
import { hasAnnexLayout } from '../../notice/annex/annex-documents';
import type { AnnexDocumentKind } from '../../notice/annex/annex-documents';
import { AnnexesError, reasonOf } from './write-annexes';
import type { AnnexSource, DocumentRef, SelectionSummary } from './write-annexes';

/** The fields of GET /api/v1/selections and /api/v1/selections/{id} the command reads. */
interface SelectionResponse {
  readonly id: string;
  readonly programme: string;
  readonly year: number;
  readonly phase: string;
  readonly phaseDescription: string;
  readonly rules?: { award?: { kind?: string } };
}

/**
 * The documents from a running API (`--api http://host:port`), for when `npm start` holds the
 * embedded database: the same public endpoints a browser downloads from.
 */
export function httpSource(baseUrl: string): AnnexSource {
  const get = async (path: string): Promise<Response> => {
    try {
      return await fetch(`${baseUrl}${path}`);
    } catch (error) {
      const cause = reasonOf((error as { cause?: unknown }).cause ?? error);
      throw new AnnexesError(`cannot reach the API at ${baseUrl}: ${cause}`);
    }
  };
  const json = async <T>(path: string): Promise<T | null> => {
    const response = await get(path);
    if (response.status === 404) return null;
    if (!response.ok) throw new AnnexesError(`GET ${baseUrl}${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    return (await response.json()) as T;
  };
  const kindsOf = (selection: SelectionResponse, rules: SelectionResponse['rules']): AnnexDocumentKind[] => [
    ...(hasAnnexLayout({ programme: selection.programme as Selection['programme'] }) ? (['annex'] as const) : []),
    ...(rules?.award?.kind === 'money' ? (['award-list'] as const) : []),
  ];
  const detail = async (selectionId: string): Promise<SelectionSummary | null> => {
    const selection = await json<SelectionResponse>(`/api/v1/selections/${encodeURIComponent(selectionId)}`);
    if (!selection) return null;
    return { selectionId: selection.id, year: selection.year, phase: selection.phase, phaseDescription: selection.phaseDescription, documents: kindsOf(selection, selection.rules) };
  };
  return {
    selection: detail,
    async selections() {
      const listed = (await json<SelectionResponse[]>('/api/v1/selections')) ?? [];
      // The list has no rules; only published selections need their documents, so only they are read in full.
      const summaries: SelectionSummary[] = [];
      for (const selection of listed) {
        if (selection.phase === 'published') summaries.push((await detail(selection.id))!);
        else summaries.push({ selectionId: selection.id, year: selection.year, phase: selection.phase, phaseDescription: selection.phaseDescription, documents: [] });
      }
      return summaries;
    },
    async hasFutureScenarios(year) {
      return (await json(`/api/v1/future-scenarios/${year}`)) !== null;
    },
    async fetch(ref: DocumentRef, format: DocumentFormat) {
      const path =
        ref.kind === 'future-scenarios'
          ? `/api/v1/future-scenarios/${ref.year}/annex?format=${format}`
          : `/api/v1/selections/${encodeURIComponent(ref.selectionId)}/annex?format=${format}&document=${ref.document}`;
      const response = await get(path);
      if (!response.ok) throw new AnnexesError(`GET ${baseUrl}${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
      const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
      if (!fileName) throw new AnnexesError(`GET ${baseUrl}${path} answered without a file name`);
      return { fileName, body: Buffer.from(await response.arrayBuffer()) };
    },
  };
}
