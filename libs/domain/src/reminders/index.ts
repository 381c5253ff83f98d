export * from './reminder-window';
