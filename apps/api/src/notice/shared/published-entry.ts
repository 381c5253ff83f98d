import type { Dossier } from '@app/domain/dossier';
import type { Selection } from '@app/domain/selection';
import { refuse } from '@app/domain/shared/refusal';
import type { NoticeReads } from './notice-reads';

/** What the public may see of a listed dossier: who, what, in which tier, and its programme fields. */
export interface PublishedEntry {
  readonly dossierId: string;
  readonly organisation: string;
  readonly creditCode: string;
  readonly projectTitle: string;
  readonly tier: string;
  readonly tierName: string;
  readonly fields: Record<string, string>;
}

/** The dossiers of a selection by id, with their organisations' registered names. */
export async function publishedEntriesOf(reads: NoticeReads, selection: Selection): Promise<(dossierId: string) => PublishedEntry> {
  const dossiers = new Map((await reads.dossiersOf(selection.selectionId)).map((dossier) => [dossier.dossierId, dossier]));
  const names = await reads.organisationNames([...dossiers.values()].map((dossier) => dossier.applicantCreditCode));
  const tierName = (code: string) => selection.rules.tiers.find((tier) => tier.code === code)?.name ?? code;
  return (dossierId) => {
    const dossier: Dossier | undefined = dossiers.get(dossierId);
    if (!dossier) throw refuse('dossier-not-found', `there is no dossier "${dossierId}" in ${selection.selectionId}`, 'not-found');
    return {
      dossierId,
      organisation: names.get(dossier.applicantCreditCode) ?? dossier.applicantCreditCode,
      creditCode: dossier.applicantCreditCode,
      projectTitle: dossier.title,
      tier: dossier.tier,
      tierName: tierName(dossier.tier),
      fields: { ...dossier.fields },
    };
  };
}
