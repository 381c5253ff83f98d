/** One expert's scores in one selection: what the 专家评分表 is printed from. */
export interface ScoreSheet {
  readonly selectionTitle: string;
  readonly expertName: string;
  readonly expertOrganisation: string;
  readonly rubric: readonly { readonly code: string; readonly name: string; readonly maxPoints: number }[];
  readonly reviewDeadlineDate: string | null;
  /**
   * The 保密承诺、回避声明 he signed online before reading any dossier (its text, version and time,
   * e.g. "2026年4月16日 10:00"), or null for a review before online signing (the default text is printed).
   */
  readonly signedDeclaration: { readonly version: string; readonly paragraphs: readonly string[]; readonly signedAtText: string } | null;
  /** In the order they were assigned and listed to the expert. */
  readonly dossiers: readonly ScoreSheetDossier[];
}

export interface ScoreSheetDossier {
  readonly title: string;
  readonly organisation: string;
  /** Null when the expert has not scored it (or recused himself: see `recused`). */
  readonly points: Readonly<Record<string, number>> | null;
  readonly total: number | null;
  readonly comment: string | null;
  readonly recused: boolean;
  /** The admin declared his score invalid (it did not count): its total then and the reason. Absent: not invalidated. */
  readonly invalidated?: { readonly total: number; readonly reason: string } | null;
}
