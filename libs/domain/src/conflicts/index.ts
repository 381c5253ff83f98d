export * from './conflict-of-interest';
