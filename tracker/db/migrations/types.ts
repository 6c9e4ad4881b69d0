// The shape of one versioned, forward-only migration: plain SQL statements per engine.
export interface Migration {
  version: number;
  name: string;
  sqlite: string[];
  postgres: string[];
}
