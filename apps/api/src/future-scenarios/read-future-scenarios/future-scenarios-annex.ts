import type { FutureScenarioAnnex } from '@app/documents';
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
