import path from 'node:path';
import { migrateDatabase, openDatabase, type Database } from '@kayoi/db';
import type { RuntimeConfig } from './config.js';
import { lockDataDirOrThrow } from './dataDirLock.js';

export interface RuntimeDatabase {
  db: Database;
  close(): Promise<void>;
}

/** Opens (and migrates) the configured database; the embedded one is locked to this process. */
export async function openRuntimeDatabase(config: RuntimeConfig): Promise<RuntimeDatabase> {
  if (config.databaseUrl) {
    const db = await openDatabase({ databaseUrl: config.databaseUrl });
    await migrateDatabase(db);
    return { db, close: () => db.close() };
  }
  const release = lockDataDirOrThrow(config.dataDir);
  try {
    const db = await openDatabase({ dataDir: path.join(config.dataDir, 'pgdata') });
    await migrateDatabase(db);
    return {
      db,
      async close() {
        try {
          await db.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
