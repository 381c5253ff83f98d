import type { FutureScenarioAnnex } from '../annex.types';
import type { AnnexLayout } from './annex-layout.types';
import { annexLabel, labelledParagraph, sectionHeading } from './layout-text';

/** 附件3: one section per scenario with its 场景描述. */
export function layOutFutureScenarios(annex: FutureScenarioAnnex): AnnexLayout {
  return {
    label: annexLabel(annex.annexNumber),
    title: annex.heading,
    subtitle: null,
    sections: annex.scenarios.map((scenario, index) => ({
      heading: sectionHeading(index + 1, scenario.title),
      paragraphs: [labelledParagraph('场景描述', scenario.description)],
    })),
  };
}
