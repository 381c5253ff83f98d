import type { FutureScenarioEntry } from './future-scenarios.events';

export type FutureScenariosState =
  | { status: 'none' }
  | {
      status: 'published';
      year: number;
      version: number;
      scenarios: readonly FutureScenarioEntry[];
      publishedAt: string;
    };

export type PublishedFutureScenarios = Extract<FutureScenariosState, { status: 'published' }>;
