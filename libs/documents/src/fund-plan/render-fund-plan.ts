import { AlignmentType, Table, TableCell, TableRow, WidthType } from 'docx';
import Handlebars from 'handlebars';
import { bodyParagraph, headingParagraph, packOfficialDocument, tableCellParagraph, titleParagraph } from '../docx/official-document';
import { PRINT_STYLES } from '../html/print.styles';
import { CONTENT_TYPES, documentFileName } from '../rendered-document';
import type { DocumentFormat, RenderedDocument } from '../rendered-document';
import { layOutFundPlan } from './fund-plan.layout';
import type { FundPlanLayout } from './fund-plan.layout';
import type { FundPlanDocument } from './fund-plan.types';

const SUMMARY_HEADING = '一、分措施汇总';
const LINES_HEADING = '二、资金安排明细';

/** Tab-separated lines: CJK and Latin widths differ, and tabs paste straight into a spreadsheet. */
const TXT = Handlebars.compile<FundPlanLayout & { summaryHeading: string; linesHeading: string }>(
  `{{title}}

{{#each facts}}
{{this}}
{{/each}}

{{summaryHeading}}
{{#each summaryTable}}
{{this}}
{{/each}}

{{linesHeading}}
{{#each lineTable}}
{{this}}
{{/each}}

{{note}}
`,
  { noEscape: true, strict: false },
);

// HTML escaping on: organisation names, titles and reasons come from applicants and admins.
const HTML = Handlebars.compile(
  `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{{title}}</title>
<style>
{{{styles}}}</style>
</head>
<body>
<main class="award-list">
<h1>{{title}}</h1>
{{#each facts}}
<p>{{this}}</p>
{{/each}}
<h2>{{summaryHeading}}</h2>
<table>
<thead><tr>{{#each summaryColumns}}<th>{{this}}</th>{{/each}}</tr></thead>
<tbody>
{{#each summaryRows}}
<tr>{{#each this}}<td{{#unless @first}} class="number"{{/unless}}>{{this}}</td>{{/each}}</tr>
{{/each}}
</tbody>
<tfoot><tr>{{#each summaryTotal}}<th{{#unless @first}} class="number"{{/unless}}>{{this}}</th>{{/each}}</tr></tfoot>
</table>
<h2>{{linesHeading}}</h2>
<table>
<thead><tr>{{#each lineColumns}}<th>{{this}}</th>{{/each}}</tr></thead>
<tbody>
{{#each lineRows}}
<tr>{{#each this}}<td>{{this}}</td>{{/each}}</tr>
{{/each}}
</tbody>
</table>
<p>{{note}}</p>
</main>
</body>
</html>
`,
  { strict: false },
);

/** A tab or line break inside a cell would shift every column after it: fold them into a space. */
function oneCell(text: string): string {
  return text.replace(/\s*[\t\r\n]+\s*/g, ' ');
}

function renderText(layout: FundPlanLayout): string {
  const table = (columns: string[], rows: string[][]) => [columns, ...rows].map((cells) => cells.map(oneCell).join('\t'));
  return TXT({
    ...layout,
    summaryHeading: SUMMARY_HEADING,
    linesHeading: LINES_HEADING,
    summaryTable: table(layout.summaryColumns, [...layout.summaryRows, layout.summaryTotal]),
    lineTable: table(layout.lineColumns, layout.lineRows),
  } as FundPlanLayout & { summaryHeading: string; linesHeading: string });
}

function docxTable(columns: string[], rows: string[][], footer?: string[]): Table {
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      cantSplit: true,
      children: cells.map((text, index) => new TableCell({ children: [tableCellParagraph(text, index === 0 || bold ? AlignmentType.CENTER : AlignmentType.LEFT, bold)] })),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(columns, true), ...rows.map((cells) => row(cells, false)), ...(footer ? [row(footer, true)] : [])] });
}

/** The yearly 资金安排表 as a file (TXT, HTML or DOCX), amounts in yuan from whole fen. */
export async function renderFundPlan(document: FundPlanDocument, format: DocumentFormat): Promise<RenderedDocument> {
  const layout = layOutFundPlan(document);
  const fileName = documentFileName(`fund-plan-${document.year}`, format);
  const contentType = CONTENT_TYPES[format];
  switch (format) {
    case 'txt':
      return { contentType, fileName, body: renderText(layout) };
    case 'html':
      return { contentType, fileName, body: HTML({ ...layout, styles: PRINT_STYLES, summaryHeading: SUMMARY_HEADING, linesHeading: LINES_HEADING }) };
    case 'docx':
      return {
        contentType,
        fileName,
        body: await packOfficialDocument(layout.title, [
          titleParagraph(layout.title),
          ...layout.facts.map(bodyParagraph),
          headingParagraph(SUMMARY_HEADING),
          docxTable(layout.summaryColumns, layout.summaryRows, layout.summaryTotal),
          headingParagraph(LINES_HEADING),
          docxTable(layout.lineColumns, layout.lineRows),
          bodyParagraph(layout.note),
        ]),
      };
    default:
      throw new TypeError(`unknown document format: ${JSON.stringify(format)}`);
  }
}
