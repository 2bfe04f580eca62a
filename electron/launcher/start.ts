// `npm start`: builds screen, main and preload, then runs Electron — or, with no Electron binary, the browser host.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultDataDir, projectRoot } from '../app/paths.js';
import { startupErrorText } from '../app/startup-error.js';

export const INSTALL_TIMEOUT_MS = 60_000;
export const FALLBACK_NOTICE =
  'Electron binary unavailable (no network?) — starting browser mode instead; `npm run start:browser` does this directly';

/** The local tools, run by this same Node so no shell, PATH or .cmd shim is involved. */
export function buildSteps(root: string): Array<{ name: string; args: string[] }> {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  return [
    { name: 'renderer', args: [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'] },
    { name: 'main', args: [tsc, '-p', 'tsconfig.build.json'] },
    { name: 'preload', args: [vite, 'build', '--config', 'electron/preload/vite.config.ts', '--logLevel', 'warn'] },
  ];
}

/** The Electron executable as the electron package records it (path.txt + dist/), or undefined when absent. */
export function electronBinary(root: string, exists: (path: string) => boolean = existsSync): string | undefined {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!exists(pathFile)) return undefined;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return exists(binary) ? binary : undefined;
}

/** One bounded attempt to fetch the binary; the installer's own output is kept quiet (a stack trace helps nobody). */
export function tryInstallElectron(root: string, env: NodeJS.ProcessEnv = process.env): boolean {
  // The installer itself exits 0 without downloading when this is set, so there is nothing to try.
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return false;
  console.log('Electron binary missing — fetching it once (up to 60 s)…');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: 'ignore',
    timeout: INSTALL_TIMEOUT_MS,
  });
  return result.status === 0;
}

/** Chromium-family browser for the fallback: Debian's first, then whatever is on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string | undefined {
  if (exists('/usr/bin/chromium')) return '/usr/bin/chromium';
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    for (const dir of dirs) if (exists(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** Open a browser only where a person can see it, and not when told not to (CI, headless servers, tests). */
export function canOpenBrowser(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY) && !env.KIOSK_NO_BROWSER;
}

/** App + kiosk window with its own profile, and none of Chromium's background calls to Google. */
export function chromiumArgs(url: string, dataDir: string): string[] {
  return [
    `--app=${url}`,
    '--kiosk',
    `--user-data-dir=${join(dataDir, 'chromium')}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ];
}

function build(root: string): void {
  for (const step of buildSteps(root)) {
    const result = spawnSync(process.execPath, step.args, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`build of ${step.name} failed (exit ${result.status ?? result.signal})`);
  }
}

function runElectron(binary: string, root: string): void {
  const env = { ...process.env };
  // Left over from a tool, this would make the binary behave as plain Node and ignore our app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit', env });
  forwardSignals(child);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function runBrowserMode(): Promise<void> {
  console.log(FALLBACK_NOTICE);
  const dataDir = defaultDataDir();
  const { runHost } = await import('../host/index.js');
  // runHost prints the URL itself, so a person without a browser still has the way in.
  const host = await runHost({ dataDir });
  const chromium = findChromium();
  let browser: ChildProcess | undefined;
  if (chromium && canOpenBrowser()) {
    browser = spawn(chromium, chromiumArgs(host.url, dataDir), { stdio: 'ignore' });
    // Closing the kiosk window ends the session: nothing should keep serving the screen to nobody.
    browser.on('exit', () => void host.close().then(() => process.exit(0)));
    browser.on('error', () => console.log(`Could not start ${chromium}; open the URL above in a browser.`));
  }
  const stop = () => {
    browser?.kill();
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function forwardSignals(child: ChildProcess): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => child.kill(signal));
}

export async function main(): Promise<void> {
  const root = projectRoot();
  build(root);
  let binary = electronBinary(root);
  if (!binary && tryInstallElectron(root)) binary = electronBinary(root);
  if (binary) runElectron(binary, root);
  else await runBrowserMode();
}

// Runs only as a script, so tests can import the helpers above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(startupErrorText(error));
    process.exit(1);
  });
}
