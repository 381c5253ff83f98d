export * from './award-amount';
export * from './project-key';
export * from './non-duplication';
export { formatYuan } from './yuan-text';
