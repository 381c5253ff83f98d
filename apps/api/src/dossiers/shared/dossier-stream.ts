/** The stream of one dossier: its submission, formal review, experts, scores, objections and award. */
export const dossierStreamOf = (dossierId: string): string => `dossier-${dossierId}`;
