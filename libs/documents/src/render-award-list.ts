import type { AwardListDocument } from './annex.types';
import { renderAwardListDocx } from './docx/render-award-list-docx';
import { renderAwardListHtml } from './html/render-award-list-html';
import { layOutAwardList } from './layout/award-list.layout';
import { CONTENT_TYPES, type DocumentFormat, type RenderedDocument, documentFileName } from './rendered-document';
import { renderAwardListText } from './text/render-award-list-text';

/** A money programme's award list as a file; amounts in yuan from whole fen, with their total. */
export async function renderAwardList(document: AwardListDocument, format: DocumentFormat): Promise<RenderedDocument> {
  const layout = layOutAwardList(document);
  const fileName = documentFileName(`award-list-${document.programmeCode}-${document.year}`, format);
  const contentType = CONTENT_TYPES[format];
  switch (format) {
    case 'txt':
      return { contentType, fileName, body: renderAwardListText(layout) };
    case 'html':
      return { contentType, fileName, body: renderAwardListHtml(layout) };
    case 'docx':
      return { contentType, fileName, body: await renderAwardListDocx(layout) };
    default:
      throw new TypeError(`unknown document format: ${JSON.stringify(format)}`);
  }
}
