export * from './ranking-order';
export * from './rank-shortlist';
export * from './promote-reserve';
export * from './put-forward';
