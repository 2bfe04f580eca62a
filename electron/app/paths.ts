// Where the app's own files are (migrations, built renderer) and where a terminal keeps its data.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'mashangban-kiosk';

/** The folder holding our package.json, found by walking up (works from source, from dist/, and inside asar). */
export function projectRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === PACKAGE_NAME) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find ${PACKAGE_NAME}/package.json above ${from}`);
    dir = parent;
  }
}

export const appVersion = (): string =>
  (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
export const migrationsDir = (): string => join(projectRoot(), 'migrations');
export const policiesDir = (): string => join(projectRoot(), 'policies');
export const rendererDistDir = (): string => join(projectRoot(), 'dist', 'renderer');

/** KIOSK_DATA_DIR wins; otherwise the XDG data folder (Electron uses its own userData path instead). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KIOSK_DATA_DIR) return resolve(env.KIOSK_DATA_DIR);
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, PACKAGE_NAME);
}

export const databaseFile = (dataDir: string, configured?: string): string =>
  configured ? resolve(dataDir, configured) : join(dataDir, 'kiosk.sqlite');
