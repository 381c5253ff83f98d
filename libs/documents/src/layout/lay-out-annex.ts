import type { Annex } from '../annex.types';
import type { AnnexLayout } from './annex-layout.types';
import { layOutDemoScenarios } from './demo-scenario.layout';
import { layOutFutureScenarios } from './future-scenario.layout';
import { layOutInnovationPlatforms } from './innovation-platform.layout';
import { layOutKeyEnterprises } from './key-enterprise.layout';

export function layOutAnnex(annex: Annex): AnnexLayout {
  switch (annex.kind) {
    case 'key-enterprises':
      return layOutKeyEnterprises(annex);
    case 'demo-scenarios':
      return layOutDemoScenarios(annex);
    case 'future-scenarios':
      return layOutFutureScenarios(annex);
    case 'innovation-platforms':
      return layOutInnovationPlatforms(annex);
    default:
      // JSON read from a file is only cast to Annex: name what arrived instead of printing nothing
      throw new TypeError(`unknown annex kind: ${JSON.stringify((annex as { kind?: unknown }).kind)}`);
  }
}
