import type { InnovationPlatformAnnex } from '../annex.types';
import type { AnnexLayout } from './annex-layout.types';
import { annexLabel, countInParentheses, inParentheses, numberedItem, sectionHeading } from './layout-text';

/** 附件4: categories with their platform count; platform numbers run on across categories. */
export function layOutInnovationPlatforms(annex: InnovationPlatformAnnex): AnnexLayout {
  let lastNumber = 0;
  return {
    label: annexLabel(annex.annexNumber),
    title: annex.heading,
    subtitle: annex.batchLabel ? inParentheses(annex.batchLabel) : null,
    sections: annex.categories.map((category, index) => ({
      heading: sectionHeading(index + 1, category.name + countInParentheses(category.platforms.length, '个')),
      paragraphs: category.platforms.map((platform) =>
        numberedItem(++lastNumber, platform.name + inParentheses(platform.direction)),
      ),
    })),
  };
}
