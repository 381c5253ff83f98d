import Handlebars from 'handlebars';
import { AWARD_LIST_COLUMNS_BEFORE_AMOUNT, AWARD_LIST_TOTAL_LABEL, type AwardListLayout } from '../layout/award-list.layout';
import { AWARD_LIST_HTML_TEMPLATE } from './award-list.html.template';
import { AWARD_LIST_PAGE_STYLES, PRINT_STYLES } from './print.styles';

// Compiled once, HTML escaping on: organisation names and titles come from applicants.
const awardListHtml = Handlebars.compile<AwardListLayout & { styles: string; landscape: string; totalLabel: string; totalSpan: number }>(
  AWARD_LIST_HTML_TEMPLATE,
  { strict: true },
);

export function renderAwardListHtml(layout: AwardListLayout): string {
  return awardListHtml({ ...layout, styles: PRINT_STYLES, landscape: AWARD_LIST_PAGE_STYLES, totalLabel: AWARD_LIST_TOTAL_LABEL, totalSpan: AWARD_LIST_COLUMNS_BEFORE_AMOUNT });
}
