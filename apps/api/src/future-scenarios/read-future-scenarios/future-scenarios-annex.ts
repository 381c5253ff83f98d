import { renderAnnex } from '@app/documents';
import type { DocumentFormat, FutureScenarioAnnex, RenderedDocument } from '@app/documents';
import type { PublishedFutureScenarios } from '@app/domain/future-scenarios';

/** The list as 附件3 of the plan: heading without the year, as the 2025 plan prints it. */
export function futureScenarioAnnexOf(published: PublishedFutureScenarios): FutureScenarioAnnex {
  return {
    kind: 'future-scenarios',
    annexNumber: 3,
    heading: '湖南省“人工智能+”十大未来场景',
    scenarios: published.scenarios.map(({ title, description }) => ({ title, description })),
  };
}

/** 附件3 as a file, as GET /api/v1/future-scenarios/{year}/annex serves it and `npm run annexes` writes it. */
export function renderFutureScenariosAnnex(published: PublishedFutureScenarios, format: DocumentFormat): Promise<RenderedDocument> {
  return renderAnnex(futureScenarioAnnexOf(published), format);
}
