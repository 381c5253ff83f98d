export * from './future-scenarios.commands';
export * from './future-scenarios.decider';
export * from './future-scenarios.events';
export * from './future-scenarios.ids';
export * from './future-scenarios.state';
