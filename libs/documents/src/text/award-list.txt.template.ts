/**
 * The award list as plain text: the table as tab-separated lines, because CJK and Latin characters
 * differ in width and spaces cannot align columns; tabs also paste straight into a spreadsheet.
 */
export const AWARD_LIST_TXT_TEMPLATE = `{{title}}

{{#each facts}}
{{this}}
{{/each}}

{{columns.serial}}\t{{columns.organisation}}\t{{columns.projectTitle}}\t{{columns.approvedInvestment}}\t{{columns.standard}}\t{{columns.awardAmount}}\t{{columns.explanation}}
{{#each rows}}
{{serial}}\t{{organisation}}\t{{projectTitle}}\t{{approvedInvestment}}\t{{standard}}\t{{awardAmount}}\t{{explanation}}
{{/each}}
{{totalLabel}}\t\t\t\t\t{{totalAward}}

{{note}}
`;
