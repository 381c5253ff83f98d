export * from './local-date';
export * from './shanghai-time';
export * from './calendar-year';
export * from './working-day-calendar';
export * from './load-calendar-years';
export * from './notice-window';
