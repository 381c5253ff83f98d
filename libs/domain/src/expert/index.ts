export * from './expert.commands';
export * from './expert.decider';
export * from './expert.events';
export * from './expert.state';
