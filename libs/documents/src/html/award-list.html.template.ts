/** The award list as a printable HTML page: title centred, the table with amounts right-aligned. */
export const AWARD_LIST_HTML_TEMPLATE = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{{title}}</title>
<style>
{{{styles}}}{{{landscape}}}</style>
</head>
<body>
<main class="award-list">
<h1>{{title}}</h1>
{{#each facts}}
<p>{{this}}</p>
{{/each}}
<table>
<colgroup><col style="width:5%"><col style="width:14%"><col style="width:13%"><col style="width:13%"><col style="width:18%"><col style="width:12%"><col style="width:25%"></colgroup>
<thead>
<tr><th>{{columns.serial}}</th><th>{{columns.organisation}}</th><th>{{columns.projectTitle}}</th>
<th>{{columns.approvedInvestment}}</th><th>{{columns.standard}}</th><th>{{columns.awardAmount}}</th><th>{{columns.explanation}}</th></tr>
</thead>
<tbody>
{{#each rows}}
<tr><td class="serial">{{serial}}</td><td>{{organisation}}</td><td>{{projectTitle}}</td>
<td class="number">{{approvedInvestment}}</td><td>{{standard}}</td><td class="number">{{awardAmount}}</td><td>{{explanation}}</td></tr>
{{/each}}
</tbody>
<tfoot>
<tr><th colspan="{{totalSpan}}">{{totalLabel}}</th><td class="number">{{totalAward}}</td><td></td></tr>
</tfoot>
</table>
<p>{{note}}</p>
</main>
</body>
</html>
`;
