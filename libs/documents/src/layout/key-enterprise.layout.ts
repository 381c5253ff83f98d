import type { KeyEnterpriseAnnex } from '../annex.types';
import type { AnnexLayout } from './annex-layout.types';
import { annexLabel, countInParentheses, inParentheses, numberedItem, sectionHeading } from './layout-text';

/** 附件1: tiers with their enterprise count; item numbers run on until a tier starts a new list. */
export function layOutKeyEnterprises(annex: KeyEnterpriseAnnex): AnnexLayout {
  let lastNumber = 0;
  return {
    label: annexLabel(annex.annexNumber),
    title: annex.heading,
    subtitle: null,
    sections: annex.tiers.map((tier, index) => {
      if (tier.startsNewList) lastNumber = 0;
      return {
        heading: sectionHeading(index + 1, tier.name + countInParentheses(tier.items.length, '家')),
        paragraphs: tier.items.map((item) =>
          numberedItem(++lastNumber, item.organisation + inParentheses(item.speciality)),
        ),
      };
    }),
  };
}
