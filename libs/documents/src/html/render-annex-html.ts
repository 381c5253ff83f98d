import Handlebars from 'handlebars';
import type { AnnexLayout } from '../layout/annex-layout.types';
import { ANNEX_HTML_TEMPLATE } from './annex.html.template';
import { PRINT_STYLES } from './print.styles';

// Compiled once when the module loads, with handlebars' HTML escaping on (the default).
const annexHtml = Handlebars.compile<AnnexLayout & { styles: string }>(ANNEX_HTML_TEMPLATE, { strict: true });

export function renderAnnexHtml(layout: AnnexLayout): string {
  return annexHtml({ ...layout, styles: PRINT_STYLES });
}
