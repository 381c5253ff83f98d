export * from './selection-read-model';
export * from './dossier-read-model';
export * from './expert-read-model';
export * from './review-outcome-read-model';
export * from './organisation-history-read-model';
export * from './review-outcome-of';
export * from './fund-ledger-read-model';
