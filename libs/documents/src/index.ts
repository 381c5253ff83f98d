export type {
  Annex,
  AnnexKind,
  AwardListDocument,
  AwardListRow,
  AwardStandard,
  DemoScenario,
  DemoScenarioAnnex,
  FutureScenario,
  FutureScenarioAnnex,
  InnovationPlatform,
  InnovationPlatformAnnex,
  InnovationPlatformCategory,
  KeyEnterprise,
  KeyEnterpriseAnnex,
  KeyEnterpriseTier,
} from './annex.types';
export { renderAnnex } from './render-annex';
export { renderAwardList } from './render-award-list';
export { CONTENT_TYPES, isDocumentFormat } from './rendered-document';
export type { DocumentFormat, RenderedDocument } from './rendered-document';
export { formatFenAsYuan, formatFenTotalAsYuan } from './yuan';
export { chineseNumeral } from './chinese-numeral';
export { awardAmountText, explanationText, ratePercent, standardText } from './layout/award-list.layout';
export { PdfPrinter, PdfPrinterUnavailableError } from './pdf/pdf-printer';
export { findChromium } from './pdf/find-chromium';
export { renderScoreSheet } from './score-sheet/render-score-sheet';
export type { ScoreSheet, ScoreSheetDossier } from './score-sheet/score-sheet.types';
