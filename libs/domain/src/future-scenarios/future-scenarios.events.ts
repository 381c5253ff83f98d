/** One scenario to build towards (附件3 十大未来场景): a title and its 场景描述. */
export interface FutureScenarioEntry {
  readonly title: string;
  readonly description: string;
}

/** Facts of a future-scenarios-{year} stream: each publication is a whole new version of the list. */
export type FutureScenariosEvent = {
  type: 'FutureScenariosPublished';
  data: {
    year: number;
    /** 1 for the first publication, then 2, 3 … */
    version: number;
    scenarios: FutureScenarioEntry[];
    publishedAt: string;
  };
};

export type FutureScenariosEventType = FutureScenariosEvent['type'];
