// Opens a terminal's database file and brings it to the app's schema: one way in for the app and every CLI command.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadMigrations, migrate, type MigrateResult } from '../core/db/migrations.js';
import { openDatabase, type Db } from '../core/db/open.js';
import { openNodeSettings } from './node-settings.js';
import { resolveDataKey, unlockTerminalData } from './data-key.js';
import { systemRandom } from '../core/clock.js';
import { isDemo } from '../core/settings/schema.js';
import { databaseFile, defaultDataDir, migrationsDir } from './paths.js';

/** Opens and migrates; on a refused migration the file is closed again and the MigrationError thrown. */
export function openMigratedDatabase(file: string): { db: Db } & MigrateResult {
  mkdirSync(dirname(file), { recursive: true });
  const db = openDatabase(file);
  try {
    return { db, ...migrate(db, loadMigrations(migrationsDir())) };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens, migrates and unlocks with the data key (data-key.ts), for CLI commands that read or write sealed data. Outside
 * Electron there is no OS key store: a configured terminal needs the operator's KIOSK_DATA_KEY_FILE.
 */
export function openUnlockedDatabase(file: string, env: NodeJS.ProcessEnv = process.env): Db {
  const { db } = openMigratedDatabase(file);
  try {
    const demo = isDemo(openNodeSettings(defaultDataDir(env)).read());
    unlockTerminalData(db, resolveDataKey({ keyDir: dirname(file), demo, env }).key, systemRandom);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The database file this machine's settings name (outside Electron: KIOSK_DATA_DIR or the XDG data folder). */
export function configuredDatabaseFile(env: NodeJS.ProcessEnv = process.env): string {
  const dataDir = defaultDataDir(env);
  return databaseFile(dataDir, openNodeSettings(dataDir).read().databasePath);
}
