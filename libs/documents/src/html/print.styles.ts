// Print layout after the national standard for official documents (GB/T 9704): A4, type area
// 156 mm × 225 mm (margins 37 top, 26 right, 35 bottom, 28 left), body 16 pt (三号) in a serif
// face, title 22 pt (二号), headings in a 黑体-like sans face, page numbers "— 1 —" at the foot.
// Browsers use the first installed font of each stack; the stacks cover Windows, macOS and Linux.

export const SERIF_FONTS = `"SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif`;
export const SANS_FONTS = `"SimHei", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`;

export const PRINT_STYLES = `@page {
  size: A4;
  margin: 37mm 26mm 35mm 28mm;
  @bottom-center {
    content: "— " counter(page) " —";
    font-family: ${SERIF_FONTS};
    font-size: 14pt;
  }
}
html {
  font-family: ${SERIF_FONTS};
  font-size: 16pt;
  line-height: 28pt;
  color: #000;
  background: #fff;
}
body { margin: 0; }
@media screen {
  body { max-width: 156mm; margin: 24pt auto; }
}
.document-label { margin: 0 0 28pt; font-family: ${SANS_FONTS}; }
h1 {
  margin: 0 0 28pt;
  font-size: 22pt;
  line-height: 36pt;
  font-weight: bold;
  text-align: center;
}
.document-subtitle { margin: -14pt 0 28pt; text-align: center; }
h2 {
  margin: 0;
  font-family: ${SANS_FONTS};
  font-size: 16pt;
  font-weight: normal;
  text-indent: 2em;
  break-after: avoid;
}
p { margin: 0; text-indent: 2em; text-align: justify; }
table { width: 100%; border-collapse: collapse; margin: 0 0 14pt; font-size: 12pt; line-height: 20pt; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; }
th { font-family: ${SANS_FONTS}; font-weight: normal; text-align: center; }
td.number { text-align: right; white-space: nowrap; }
td.serial { text-align: center; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
/* The total closes the table once, on its last page; a repeated footer would sit under a partial list. */
tfoot { display: table-row-group; }
`;

/**
 * The award list's seven columns print on a landscape page (type area 243 mm wide, the same margins),
 * in 五号 type, with fixed shares so the reasons get the widest column.
 */
export const AWARD_LIST_PAGE_STYLES = `@page { size: A4 landscape; }
@media screen {
  body { max-width: 243mm; }
}
.award-list table { table-layout: fixed; font-size: 10.5pt; line-height: 16pt; }
`;
