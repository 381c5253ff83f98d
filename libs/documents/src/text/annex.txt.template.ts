/**
 * The annex as plain text, laid out like the published plan: a blank line between all lines, body
 * lines indented by two spaces (the text form of a 2-character first-line indent), the title and
 * its subtitle flush left. Block tags stand alone on their lines, which handlebars removes whole,
 * so only the lines written here reach the output.
 */
export const ANNEX_TXT_TEMPLATE = `  {{label}}

{{title}}
{{#if subtitle}}

{{subtitle}}
{{/if}}
{{#each sections}}

  {{heading}}
{{#each paragraphs}}

  {{this}}
{{/each}}
{{/each}}
`;
