// Child processes that start in a fraction of the usual time, for tests that start and kill hundreds of them: the
// entry is bundled once with esbuild and, where node can, turned into a V8 startup snapshot with every module loaded.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

/** How to start the child: `spawn(process.execPath, child.args([...its own arguments]), { env: child.env })`. */
export interface FastChild {
  args(childArgs: readonly string[]): string[];
  env: NodeJS.ProcessEnv;
  /** False when node could not build the snapshot (another node version, a module it cannot hold): plain bundle. */
  snapshot: boolean;
  /** Why there is no snapshot; '' when there is one. */
  reason: string;
}

const sqliteMain = createRequire(import.meta.url).resolve('better-sqlite3');
const sqliteAddon = join(dirname(sqliteMain), '..', 'build', 'Release', 'better_sqlite3.node');

/**
 * Modules the bundle gets instead of what it names. better-sqlite3's JavaScript goes into the snapshot; its native
 * addon cannot, so it is opened with process.dlopen at the first `new Database` and handed over as `nativeBinding`
 * (which also skips the `bindings` package's search of a dozen folders). A snapshot cannot hold ICU objects either, and
 * core makes an Intl.DateTimeFormat at load (policy/select.ts): while the entry loads, Intl's constructors make
 * stand-ins that build the real object on first use.
 */
const VIRTUAL: Record<string, string> = {
  'better-sqlite3': `
    import Real from ${JSON.stringify(sqliteMain)};
    let addon;
    export default function Database(file, options) {
      if (addon === undefined) { const m = { exports: {} }; process.dlopen(m, ${JSON.stringify(sqliteAddon)}); addon = m.exports; }
      return new Real(file, { ...options, nativeBinding: addon });
    }`,
  'lazy-intl': `
    const names = ['DateTimeFormat', 'NumberFormat', 'Collator', 'PluralRules', 'Segmenter', 'ListFormat', 'RelativeTimeFormat', 'DisplayNames'];
    const real = Object.fromEntries(names.filter((n) => Intl[n]).map((n) => [n, Intl[n]]));
    for (const [name, Ctor] of Object.entries(real)) {
      Intl[name] = function (...args) {
        let made;
        const get = () => (made ??= new Ctor(...args));
        return new Proxy({}, { get: (_, key) => { const v = get()[key]; return typeof v === 'function' ? v.bind(get()) : v; } });
      };
    }
    export const restoreIntl = () => Object.assign(Intl, real);`,
};

/**
 * The entry must export `main(args: readonly string[]): void` (the child's own arguments) and may export `warmUp()`,
 * run once while the snapshot is built (first parses compile zod's validators: a child then starts with them done).
 */
export async function fastChild(entry: string, dir: string): Promise<FastChild> {
  if (!existsSync(sqliteAddon)) throw new Error(`better-sqlite3's addon is not at ${sqliteAddon}`);
  const bundle = join(dir, 'child.cjs');
  await build({
    stdin: {
      contents: `
        import { restoreIntl } from 'lazy-intl';
        import * as child from ${JSON.stringify(entry)};
        import { startupSnapshot } from 'node:v8';
        restoreIntl();
        child.warmUp?.();
        if (startupSnapshot.isBuildingSnapshot()) startupSnapshot.setDeserializeMainFunction(() => child.main(process.argv.slice(1)));
        else child.main(process.argv.slice(2));`,
      resolveDir: dir,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    outfile: bundle,
    logLevel: 'error',
    plugins: [
      {
        name: 'virtual',
        setup(b) {
          b.onResolve({ filter: /^(better-sqlite3|lazy-intl)$/ }, (a) => ({ path: a.path, namespace: 'virtual' }));
          b.onLoad({ filter: /.*/, namespace: 'virtual' }, (a) => ({ contents: VIRTUAL[a.path], loader: 'js', resolveDir: dir }));
          // Only reached without nativeBinding, which the stand-in always gives.
          b.onResolve({ filter: /^bindings$/ }, () => ({ path: 'bindings', external: true }));
        },
      },
    ],
  });
  const env = leanEnv();
  const blob = join(dir, 'child.blob');
  const made = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', bundle], { env, encoding: 'utf8' });
  if (made.status === 0 && existsSync(blob)) {
    return { args: (childArgs) => ['--snapshot-blob', blob, ...childArgs], env, snapshot: true, reason: '' };
  }
  const reason = `node --build-snapshot failed (${made.status ?? made.signal}): ${(made.stderr ?? '').trim().split('\n').slice(-3).join(' / ')}`;
  return { args: (childArgs) => [bundle, ...childArgs], env, snapshot: false, reason };
}

/**
 * PATH and the temp folder only. In particular no NODE_OPTIONS (the test runner's tsx loader would load into every
 * child) and no NODE_EXTRA_CA_CERTS, which alone costs a child ~80 ms parsing a certificate bundle it never uses.
 */
function leanEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'TMPDIR', 'TEMP', 'TMP', 'SystemRoot'];
  return Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!]));
}
