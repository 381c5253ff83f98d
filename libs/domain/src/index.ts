// The public surface of the domain library: pure rules and deciders, no I/O.
export * from './shared/command-metadata';
export * from './shared/decider';
export * from './shared/money';
export * from './shared/refusal';

// Rules
export * from './credit-code';
export * from './calendar';
export * from './scoring';
export * from './ranking';
export * from './conflicts';
export * from './assignment';
export * from './awards';

// Programmes and deciders
export * from './programmes';
export * from './expert';
export * from './commitments';
export * from './dossier';
export * from './selection';
export * from './future-scenarios';
