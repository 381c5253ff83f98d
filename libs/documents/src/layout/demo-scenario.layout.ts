import type { DemoScenarioAnnex } from '../annex.types';
import type { AnnexLayout } from './annex-layout.types';
import { annexLabel, inParentheses, labelledParagraph, sectionHeading } from './layout-text';

/** 附件2: one section per scenario, "title(domain)", with its three labelled paragraphs. */
export function layOutDemoScenarios(annex: DemoScenarioAnnex): AnnexLayout {
  return {
    label: annexLabel(annex.annexNumber),
    title: annex.heading,
    subtitle: null,
    sections: annex.scenarios.map((scenario, index) => ({
      heading: sectionHeading(index + 1, scenario.title + inParentheses(scenario.domain)),
      paragraphs: [
        labelledParagraph('场景描述', scenario.description),
        labelledParagraph('示范应用', scenario.demonstration),
        labelledParagraph('推广价值', scenario.promotionValue),
      ],
    })),
  };
}
