export * from './selection.commands';
export * from './selection.decider';
export * from './selection.events';
export * from './selection.ids';
export * from './selection.phase';
export * from './selection.state';
export { fundEntryOf } from './decide-awards';
