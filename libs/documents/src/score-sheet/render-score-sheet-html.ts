import Handlebars from 'handlebars';
import { PRINT_STYLES } from '../html/print.styles';
import type { ScoreSheetLayout } from './score-sheet.layout';

const TEMPLATE = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{{title}}</title>
<style>
{{{styles}}}
.score-sheet table { font-size: 10.5pt; line-height: 16pt; }
.score-sheet td.number { text-align: center; }
.signature { margin-top: 28pt; text-indent: 0; text-align: right; }
</style>
</head>
<body>
<main class="score-sheet">
<h1>{{title}}</h1>
{{#each facts}}
<p>{{this}}</p>
{{/each}}
<table>
<thead><tr>{{#each columns}}<th>{{this}}</th>{{/each}}</tr></thead>
<tbody>
{{#each rows}}
<tr>{{#each this}}<td{{#if @first}} class="serial"{{/if}}{{#if (isScore @index)}} class="number"{{/if}}>{{this}}</td>{{/each}}</tr>
{{/each}}
</tbody>
</table>
<h2>{{commentsHeading}}</h2>
{{#each comments}}
<p>{{this}}</p>
{{/each}}
<h2>{{declarationHeading}}</h2>
{{#each declaration}}
<p>{{this}}</p>
{{/each}}
<p class="signature">{{signature}}</p>
<p class="signature">{{date}}</p>
</main>
</body>
</html>
`;

// HTML escaping on: titles, names and comments come from applicants and experts.
const render = Handlebars.create();
render.registerHelper('isScore', (index: number) => index >= 3);
const scoreSheetHtml = render.compile<ScoreSheetLayout & { styles: string }>(TEMPLATE, { strict: true, knownHelpers: { isScore: true } });

export function renderScoreSheetHtml(layout: ScoreSheetLayout): string {
  return scoreSheetHtml({ ...layout, styles: PRINT_STYLES });
}
