export * from './rubric';
export * from './aggregation';
export { TRIM_FROM_COUNT } from './statistics';
export * from './combine-stages';
