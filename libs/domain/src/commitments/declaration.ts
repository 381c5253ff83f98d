/**
 * The 保密承诺、回避声明 an expert signs before he first opens a dossier of a selection. A call may give
 * its own text with a version label (`declaration` in the call's overrides); otherwise every call uses
 * this default. The version is what the signature records, so a later change of the text is visible.
 */
export interface DeclarationText {
  /** A short label of this wording, e.g. "2026-1"; recorded with the signature. */
  readonly version: string;
  /** Paragraphs, in order, as shown to the expert and printed on his score sheet. */
  readonly paragraphs: readonly string[];
}

export const DEFAULT_DECLARATION: DeclarationText = {
  version: '默认文本-1',
  paragraphs: [
    '本人承诺:严格遵守评审纪律,对评审材料、评审过程和评审结果保密,不以任何方式泄露、复制或向他人提供;不接受申报单位的请托、宴请或馈赠。',
    '本人声明:与上述申报单位及项目不存在任职、投资、亲属关系、近三年合作等可能影响公正评审的利益关系;如存在,已在评审前申请回避。',
    '本人对所给分数和评审意见负责,评分独立、客观、公正。',
  ],
};

/** The text this call's experts sign: the call's own, or the default. */
export function declarationOf(rules: { readonly declaration?: DeclarationText }): DeclarationText {
  return rules.declaration ?? DEFAULT_DECLARATION;
}
