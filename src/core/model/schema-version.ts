// The session model's schema version, on its own so streaming code can name it without loading zod and the schemas.
export const SCHEMA_VERSION = 1 as const;
