import { CONTENT_TYPES, type RenderedDocument, documentFileName } from '../rendered-document';
import { renderScoreSheetDocx } from './render-score-sheet-docx';
import { renderScoreSheetHtml } from './render-score-sheet-html';
import { layOutScoreSheet } from './score-sheet.layout';
import type { ScoreSheet } from './score-sheet.types';

/** The 专家评分表 as DOCX or as the HTML its PDF is printed from; `fileStem` is ASCII (the expert id). */
export async function renderScoreSheet(sheet: ScoreSheet, format: 'html' | 'docx', fileStem: string): Promise<RenderedDocument> {
  const layout = layOutScoreSheet(sheet);
  const fileName = documentFileName(`score-sheet-${fileStem}`, format);
  return format === 'html'
    ? { contentType: CONTENT_TYPES.html, fileName, body: renderScoreSheetHtml(layout) }
    : { contentType: CONTENT_TYPES.docx, fileName, body: await renderScoreSheetDocx(layout) };
}
