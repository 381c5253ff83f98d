import type { Annex } from './annex.types';
import { renderAnnexDocx } from './docx/render-annex-docx';
import { renderAnnexHtml } from './html/render-annex-html';
import { layOutAnnex } from './layout/lay-out-annex';
import { CONTENT_TYPES, type DocumentFormat, type RenderedDocument, documentFileName } from './rendered-document';
import { renderAnnexText } from './text/render-annex-text';

/**
 * An annex as a file: TXT identical to the published text, print-ready HTML, or DOCX.
 * Async because the DOCX packer is; TXT and HTML are ready at once.
 */
export async function renderAnnex(annex: Annex, format: DocumentFormat): Promise<RenderedDocument> {
  const layout = layOutAnnex(annex);
  const fileName = documentFileName(`annex-${annex.annexNumber}-${annex.kind}`, format);
  const contentType = CONTENT_TYPES[format];
  switch (format) {
    case 'txt':
      return { contentType, fileName, body: renderAnnexText(layout) };
    case 'html':
      return { contentType, fileName, body: renderAnnexHtml(layout) };
    case 'docx':
      return { contentType, fileName, body: await renderAnnexDocx(layout) };
    default:
      throw new TypeError(`unknown document format: ${JSON.stringify(format)}`);
  }
}
