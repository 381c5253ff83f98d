export * from './projection';
export * from './projection-checkpoints';
export * from './projection-runner';
export * from './default-projections';
export * from './read-models.schema';
export * from './read-models.module';
export * from './selection-board/selection-board.projection';
