/**
 * An annex laid out as the plan prints it: "附件N" top-left, the title centred, an optional line
 * under it, then sections headed 一、二、… with their paragraphs. Every format (TXT, HTML, DOCX)
 * renders this one layout, so numbering and counts are decided in one place.
 */
export interface AnnexLayout {
  /** 附件1 */
  label: string;
  title: string;
  /** e.g. (首批); null when the annex has none (handlebars strict mode wants the key present). */
  subtitle: string | null;
  sections: AnnexSection[];
}

export interface AnnexSection {
  /** e.g. 一、基础层企业(3家) */
  heading: string;
  /** Each printed as its own indented paragraph, e.g. 1.长沙景嘉微电子股份有限公司(算力芯片) */
  paragraphs: string[];
}
