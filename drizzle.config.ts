import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the Drizzle schema and checked in; the same SQL runs on
// PGlite (embedded) and PostgreSQL. Hand-written SQL (triggers) goes in `--custom` migrations.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
  casing: 'snake_case',
});
