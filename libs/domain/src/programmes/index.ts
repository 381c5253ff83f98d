export * from './programme.types';
export * from './parse-programme-rules';
export * from './resolve-call-rules';
export * from './review-stages';
