import { CreateReadModels1764200000000 } from './migrations/1764200000000-create-read-models';

export const READ_MODELS_SCHEMA = { tableName: 'read_models_migrations', migrations: [CreateReadModels1764200000000] } as const;
