export * from './declaration';
export * from './commitment.commands';
export * from './commitment.events';
export * from './commitment.state';
export * from './commitment.ids';
export * from './commitment.decider';
