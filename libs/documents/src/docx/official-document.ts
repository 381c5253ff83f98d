import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type Table,
  TextRun,
} from 'docx';

// Word layout after GB/T 9704 (official documents): A4, type area 156 × 225 mm, body in 仿宋 三号
// (16 pt) on a fixed 28 pt line, headings in 黑体, the title in 小标宋 二号 (22 pt), page numbers
// "— 1 —" in 宋体 四号 (14 pt) at the foot. Word substitutes a font that is not installed, so the
// names are those the standard names. Sizes in docx are half-points; Latin text uses Times New Roman.

export const FONTS = {
  body: '仿宋_GB2312',
  heading: '黑体',
  title: '方正小标宋简体',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

const HALF_POINTS = { title: 44, body: 32, pageNumber: 28, table: 24 } as const;
const BODY_LINE_TWIPS = 560; // 28 pt; also the space of one blank line after the label and title
const TWO_CHARACTERS_TWIPS = 640; // 2 × 16 pt, the first-line indent of body paragraphs

/** Millimetres to twips, rounded (docx's own converter truncates: A4 would come out 11905 × 16837). */
export function twips(millimetres: number): number {
  return Math.round((millimetres * 1440) / 25.4);
}

function font(eastAsia: string) {
  return { eastAsia, ascii: FONTS.latin, hAnsi: FONTS.latin };
}

function run(text: string, eastAsiaFont: string, size: number, bold = false): TextRun {
  return new TextRun({ text, font: font(eastAsiaFont), size, ...(bold ? { bold } : {}) });
}

const fixedLine = { line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT };

/** "附件1", flush left in 黑体, a blank line after it. */
export function labelParagraph(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, FONTS.heading, HALF_POINTS.body)],
    spacing: { ...fixedLine, after: BODY_LINE_TWIPS },
  });
}

/** The title, centred and bold. */
export function titleParagraph(text: string, spaceAfter = true): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [run(text, FONTS.title, HALF_POINTS.title, true)],
    spacing: { line: 720, lineRule: LineRuleType.EXACT, after: spaceAfter ? BODY_LINE_TWIPS : 0 },
  });
}

/** A line under the title, centred, e.g. (首批). */
export function subtitleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [run(text, FONTS.body, HALF_POINTS.body)],
    spacing: { ...fixedLine, after: BODY_LINE_TWIPS },
  });
}

/** 一、… in 黑体, indented like the body. */
export function headingParagraph(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, FONTS.heading, HALF_POINTS.body)],
    indent: { firstLine: TWO_CHARACTERS_TWIPS },
    spacing: fixedLine,
    keepNext: true,
  });
}

/** A body paragraph in 仿宋 with a two-character first-line indent, justified. */
export function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, FONTS.body, HALF_POINTS.body)],
    indent: { firstLine: TWO_CHARACTERS_TWIPS },
    alignment: AlignmentType.BOTH,
    spacing: fixedLine,
  });
}

/** A table cell's text, in 仿宋 小四 (12 pt). */
export function tableCellParagraph(
  text: string,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
  bold = false,
): Paragraph {
  return new Paragraph({ alignment, children: [run(text, bold ? FONTS.heading : FONTS.body, HALF_POINTS.table)] });
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(FONTS.pageNumber),
            size: HALF_POINTS.pageNumber,
          }),
        ],
      }),
    ],
  });
}

/**
 * One A4 section with the standard's margins and the page-number footer, packed to a .docx. A wide
 * table (the award list's seven columns) turns the page to landscape: 297 × 210 mm, the same margins.
 */
export function packOfficialDocument(title: string, children: (Paragraph | Table)[], orientation: 'portrait' | 'landscape' = 'portrait'): Promise<Buffer> {
  const document = new Document({
    title,
    creator: '湖南省“人工智能+”年度评选系统',
    styles: { default: { document: { run: { font: font(FONTS.body), size: HALF_POINTS.body } } } },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself for a landscape page.
            size: { width: twips(210), height: twips(297), orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE },
            margin: {
              top: twips(37),
              right: twips(26),
              bottom: twips(35),
              left: twips(28),
              footer: twips(20),
            },
          },
        },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
