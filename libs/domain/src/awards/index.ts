export * from './award-amount';
export * from './project-key';
export * from './project-identity';
export * from './identify-projects';
export * from './non-duplication';
export * from './fund-ledger';
export { formatYuan, yuanText } from './yuan-text';
