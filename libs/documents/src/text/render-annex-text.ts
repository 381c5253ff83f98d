import Handlebars from 'handlebars';
import type { AnnexLayout } from '../layout/annex-layout.types';
import { ANNEX_TXT_TEMPLATE } from './annex.txt.template';

// Compiled once when the module loads; noEscape because plain text must keep & < > “ ” as they are,
// strict so a misspelt field fails loudly instead of printing nothing.
const annexText = Handlebars.compile<AnnexLayout>(ANNEX_TXT_TEMPLATE, { noEscape: true, strict: true });

export function renderAnnexText(layout: AnnexLayout): string {
  return annexText(layout);
}
