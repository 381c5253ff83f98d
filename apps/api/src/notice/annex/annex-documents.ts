import type { Annex, AwardListDocument } from '@app/documents';
import { batchLabel } from '@app/domain/selection';
import type { Selection } from '@app/domain/selection';
import { refuse } from '@app/domain/shared/refusal';
import type { PublishedEntry } from '../shared/published-entry';

/** The plan's 不重复享受 sentence (附件5), printed under every award list. */
export const NON_DUPLICATION_NOTE = '以上政策措施(算力券政策除外)与我省其他同类政策措施不重复享受,支持标准不一致的,按照“就高原则”执行。';

/** Where each programme's list sits among the plan's annexes (附件1, 附件2, 附件4). */
const ANNEX_NUMBERS: Partial<Record<Selection['programme'], number>> = {
  'key-enterprise': 1,
  'demo-scenario': 2,
  'innovation-platform': 4,
};

export type AnnexDocumentKind = 'annex' | 'award-list';

/** Whether the programme has a published annex layout of its own; the money-only ones have the award list. */
export function hasAnnexLayout(selection: Pick<Selection, 'programme'>): boolean {
  return ANNEX_NUMBERS[selection.programme] !== undefined;
}

/** The annex heading as the plan prints it: no year (the year is in the document that carries the annex). */
function annexHeadingOf(selection: Selection): string {
  return `湖南省“人工智能+”${selection.rules.name}`;
}

/** An award list stands alone, so its heading names the year. */
function awardListHeadingOf(selection: Selection): string {
  return `${selection.year}年${annexHeadingOf(selection)}奖补名单`;
}

/** A dossier field as the applicant wrote it (the annex prints it character for character); blank is ''. */
function fieldOf(entry: PublishedEntry, code: string): string {
  const value = entry.fields[code] ?? '';
  return value.trim() === '' ? '' : value;
}

/** In the plan's 附件4 only the 应用型 platforms carry their application direction, e.g. (AI+先进制造/具身智能). */
const TIERS_PRINTING_DIRECTION = new Set(['application']);

/** The awarded dossiers per tier, in the order of the call's tiers and then by rank; empty tiers are left out. */
function awardedByTier(selection: Selection, entryOf: (dossierId: string) => PublishedEntry) {
  return selection.rules.tiers
    .map((tier) => ({
      tier,
      entries: selection.awards
        .filter((line) => line.tier === tier.code)
        .sort((a, b) => a.rank - b.rank)
        .map((line) => entryOf(line.dossierId)),
    }))
    .filter(({ entries }) => entries.length > 0);
}

/** Maps a published selection onto the annex view model of libs/documents (附件1, 2 or 4). */
export function annexOf(selection: Selection, entryOf: (dossierId: string) => PublishedEntry): Annex {
  const annexNumber = ANNEX_NUMBERS[selection.programme];
  const heading = annexHeadingOf(selection);
  const field = fieldOf;
  switch (selection.programme) {
    case 'key-enterprise':
      return {
        kind: 'key-enterprises',
        annexNumber: annexNumber!,
        heading,
        tiers: awardedByTier(selection, entryOf).map(({ tier, entries }) => ({
          name: `${tier.name}企业`,
          // 重点培养型 is a list of its own beside the 十大 (see the 2025 annex 1).
          ...(tier.code === 'cultivation' ? { startsNewList: true } : {}),
          items: entries.map((entry) => ({ organisation: entry.organisation, speciality: field(entry, 'specialty') })),
        })),
      };
    case 'demo-scenario':
      return {
        kind: 'demo-scenarios',
        annexNumber: annexNumber!,
        heading,
        scenarios: awardedByTier(selection, entryOf).flatMap(({ entries }) =>
          entries.map((entry) => ({
            title: field(entry, 'sceneName') || entry.projectTitle,
            domain: field(entry, 'domain'),
            description: field(entry, 'description'),
            demonstration: field(entry, 'demonstration'),
            promotionValue: field(entry, 'promotionValue'),
          })),
        ),
      };
    case 'innovation-platform':
      return {
        kind: 'innovation-platforms',
        annexNumber: annexNumber!,
        heading,
        ...(selection.batch ? { batchLabel: batchLabel(selection.batch) } : {}),
        categories: awardedByTier(selection, entryOf).map(({ tier, entries }) => ({
          name: `${tier.name}平台`,
          platforms: entries.map((entry) => {
            const direction = TIERS_PRINTING_DIRECTION.has(tier.code) ? field(entry, 'direction') : '';
            return { name: field(entry, 'platformName') || entry.projectTitle, ...(direction ? { direction } : {}) };
          }),
        })),
      };
    default:
      throw refuse('no-annex', `${selection.rules.name} publishes its award list, not an annex; ask for document=award-list`, 'not-found');
  }
}

/** Maps a money programme's decided awards onto the award list view model (附件5 amounts). */
export function awardListOf(selection: Selection, entryOf: (dossierId: string) => PublishedEntry): AwardListDocument {
  const formula = selection.rules.award;
  if (formula.kind !== 'money') {
    throw refuse('no-award-list', `${selection.rules.name} grants policy preference, so it has no award list with amounts`, 'not-found');
  }
  const rows = selection.awards.flatMap((line) => (line.award.kind === 'money' ? [{ line, award: line.award }] : []));
  return {
    heading: awardListHeadingOf(selection),
    year: selection.year,
    programmeCode: selection.programme,
    programmeName: selection.rules.name,
    rows: rows.map(({ line, award }, index) => {
      const entry = entryOf(line.dossierId);
      return {
        serial: index + 1,
        organisation: entry.organisation,
        projectTitle: entry.projectTitle,
        approvedInvestmentFen: award.approvedInvestmentFen,
        // Events recorded before the award kept its formula were decided under the call's rules.
        standard: { rateBasisPoints: award.rateBasisPoints ?? formula.rateBasisPoints, capFen: award.capFen ?? formula.capFen, standardFen: award.standardFen },
        awardAmountFen: award.paidFen,
        decision: award.decision,
        reason: chineseReasonOf(award.decision, award.reason),
      };
    }),
    nonDuplicationNote: NON_DUPLICATION_NOTE,
  };
}

/**
 * The reason as recorded; awards decided before reasons were written in Chinese carry an English
 * sentence (it starts with a Latin letter): the list then says the rule in Chinese without the
 * earlier selection's name, which those events did not keep in words.
 */
export function chineseReasonOf(decision: 'paid' | 'top-up' | 'not-paid', reason: string): string {
  if (!/^[A-Za-z]/.test(reason)) return reason;
  switch (decision) {
    case 'not-paid':
      return '不重复享受:该项目本年度已获不低于本次标准的同类支持,本次不予重复支持';
    case 'top-up':
      return '就高原则:该项目本年度已获较低标准的同类支持,本次按较高标准补差';
    default:
      return '按标准支持';
  }
}
