import { AlignmentType, Table, TableCell, TableRow, WidthType } from 'docx';
import { AWARD_LIST_COLUMNS_BEFORE_AMOUNT, AWARD_LIST_TOTAL_LABEL, type AwardListColumns, type AwardListLayout } from '../layout/award-list.layout';
import { bodyParagraph, packOfficialDocument, tableCellParagraph, titleParagraph, twips } from './official-document';

// Shares of the 243 mm wide type area of a landscape A4 page (297 − 28 − 26 mm): serial,
// organisation, project, investment, standard, award, explanation.
const COLUMN_PERCENTAGES = [5, 14, 13, 13, 18, 12, 25];
const TYPE_AREA_WIDTH_TWIPS = twips(243);

function cell(text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], bold = false, columnSpan = 1) {
  return new TableCell({ children: [tableCellParagraph(text, alignment, bold)], columnSpan });
}

function line(columns: AwardListColumns, bold = false): TableRow {
  return new TableRow({
    tableHeader: bold,
    cantSplit: true,
    children: [
      cell(columns.serial, AlignmentType.CENTER, bold),
      cell(columns.organisation, bold ? AlignmentType.CENTER : AlignmentType.LEFT, bold),
      cell(columns.projectTitle, bold ? AlignmentType.CENTER : AlignmentType.LEFT, bold),
      cell(columns.approvedInvestment, bold ? AlignmentType.CENTER : AlignmentType.RIGHT, bold),
      cell(columns.standard, bold ? AlignmentType.CENTER : AlignmentType.LEFT, bold),
      cell(columns.awardAmount, bold ? AlignmentType.CENTER : AlignmentType.RIGHT, bold),
      cell(columns.explanation, bold ? AlignmentType.CENTER : AlignmentType.LEFT, bold),
    ],
  });
}

export function renderAwardListDocx(layout: AwardListLayout): Promise<Buffer> {
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: COLUMN_PERCENTAGES.map((share) => Math.round((share / 100) * TYPE_AREA_WIDTH_TWIPS)),
    rows: [
      line(layout.columns, true),
      ...layout.rows.map((row) => line(row)),
      new TableRow({
        children: [
          cell(AWARD_LIST_TOTAL_LABEL, AlignmentType.CENTER, true, AWARD_LIST_COLUMNS_BEFORE_AMOUNT),
          cell(layout.totalAward, AlignmentType.RIGHT),
          cell('', AlignmentType.LEFT),
        ],
      }),
    ],
  });
  return packOfficialDocument(layout.title, [
    titleParagraph(layout.title),
    ...layout.facts.map(bodyParagraph),
    table,
    bodyParagraph(layout.note),
  ], 'landscape');
}
