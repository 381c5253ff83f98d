export * from './plan-assignment';
export { hashString, seededRandom, shuffled } from './seeded-random';
export * from './draw-experts';
export * from './draw-round';
