import type { CommandMetadata } from '../shared/command-metadata';
import type { FutureScenarioEntry } from './future-scenarios.events';

export type FutureScenariosCommand = {
  /** Publishes the year's list; publishing again replaces it with a new version, the old ones stay in the history. */
  type: 'PublishFutureScenarios';
  data: { year: number; scenarios: readonly FutureScenarioEntry[] };
  metadata: CommandMetadata;
};
