/**
 * The annex as a printable HTML page: 附件N top-left, the title centred and bold, sections headed
 * 一、二、… Values are escaped by handlebars; only the style sheet, our own constant, is inserted raw.
 */
export const ANNEX_HTML_TEMPLATE = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{{label}} {{title}}</title>
<style>
{{{styles}}}</style>
</head>
<body>
<main class="annex">
<p class="document-label">{{label}}</p>
<h1>{{title}}</h1>
{{#if subtitle}}
<p class="document-subtitle">{{subtitle}}</p>
{{/if}}
{{#each sections}}
<section>
<h2>{{heading}}</h2>
{{#each paragraphs}}
<p>{{this}}</p>
{{/each}}
</section>
{{/each}}
</main>
</body>
</html>
`;
