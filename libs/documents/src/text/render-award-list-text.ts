import Handlebars from 'handlebars';
import { AWARD_LIST_TOTAL_LABEL, type AwardListLayout } from '../layout/award-list.layout';
import { AWARD_LIST_TXT_TEMPLATE } from './award-list.txt.template';

const awardListText = Handlebars.compile<AwardListLayout & { totalLabel: string }>(AWARD_LIST_TXT_TEMPLATE, {
  noEscape: true,
  strict: true,
});

/** A tab or line break inside a cell would shift every column after it: fold them into a space. */
function oneCell(text: string): string {
  return text.replace(/\s*[\t\r\n]+\s*/g, ' ');
}

export function renderAwardListText(layout: AwardListLayout): string {
  const rows = layout.rows.map((row) => ({
    ...row,
    organisation: oneCell(row.organisation),
    projectTitle: oneCell(row.projectTitle),
    explanation: oneCell(row.explanation),
  }));
  return awardListText({ ...layout, rows, totalLabel: AWARD_LIST_TOTAL_LABEL });
}
