import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/schema.ts and committed; both engines run the same files.
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema.ts',
  out: './packages/db/migrations',
});
