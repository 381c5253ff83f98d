import { AlignmentType, LineRuleType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { FONTS, bodyParagraph, headingParagraph, packOfficialDocument, tableCellParagraph, titleParagraph, twips } from '../docx/official-document';
import type { ScoreSheetLayout } from './score-sheet.layout';

const TYPE_AREA_WIDTH_TWIPS = twips(156);

function row(cells: readonly string[], header: boolean): TableRow {
  return new TableRow({
    tableHeader: header,
    cantSplit: true,
    children: cells.map(
      (text, index) =>
        new TableCell({ children: [tableCellParagraph(text, header || index === 0 || index >= 3 ? AlignmentType.CENTER : AlignmentType.LEFT, header)] }),
    ),
  });
}

/** The signature and date lines: flush right, a blank line above, in the body face. */
function signatureParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: { before: 560, line: 560, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, font: { eastAsia: FONTS.body, ascii: FONTS.latin, hAnsi: FONTS.latin }, size: 32 })],
  });
}

/** The 专家评分表 as an official-style A4 .docx: the scores table, comments, the declaration, the signature line. */
export function renderScoreSheetDocx(layout: ScoreSheetLayout): Promise<Buffer> {
  const fixed = [8, 20, 24];
  const scoreShare = (100 - fixed.reduce((sum, share) => sum + share, 0)) / (layout.columns.length - 3);
  const shares = [...fixed, ...Array.from({ length: layout.columns.length - 3 }, () => scoreShare)];
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: shares.map((share) => Math.round((share / 100) * TYPE_AREA_WIDTH_TWIPS)),
    rows: [row(layout.columns, true), ...layout.rows.map((cells) => row(cells, false))],
  });
  return packOfficialDocument(layout.title, [
    titleParagraph(layout.title),
    ...layout.facts.map(bodyParagraph),
    table,
    headingParagraph(layout.commentsHeading),
    ...layout.comments.map(bodyParagraph),
    headingParagraph(layout.declarationHeading),
    ...layout.declaration.map(bodyParagraph),
    signatureParagraph(layout.signature),
    signatureParagraph(layout.date),
  ]);
}
