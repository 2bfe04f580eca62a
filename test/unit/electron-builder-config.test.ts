// electron-builder.yml: every fuse locked, native modules rebuilt for Electron, only built output packaged — so a
// careless edit of the release config fails CI rather than shipping a kiosk that runs as Node or loads loose files.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../electron/app/paths.js';

// js-yaml ships with eslint (a devDependency); it has no types of its own here, so only `load` is declared.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
type Config = Record<string, unknown>;

const root = projectRoot();
const readConfig = (): Config => load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;

/** The fuses as the issue asks (names as electron-builder's FuseOptionsV1 spells them). */
const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
} as const;

/** What the packaged app reads at runtime (electron/app/paths.ts, locales.ts, package.json's main): a real file of each. */
function runtimeFiles(): string[] {
  const main = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string }).main;
  return [
    main,
    'package.json',
    'dist/preload/index.cjs',
    'dist/renderer/index.html',
    ...['migrations', 'policies'].map((dir) => `${dir}/${readdirSync(join(root, dir))[0] ?? 'missing'}`),
    'renderer/locales/zh-CN/common.json',
    'renderer/locales/en/common.json',
  ];
}
/** Things that must never be in a kiosk's package. */
const FORBIDDEN = [
  'electron/main/index.ts',
  'test/unit/mask.test.ts',
  'emulators/printer/main.ts',
  '.ci/run',
  'dist/electron/electron/main/index.js.map',
  'docs/deployment.md',
  'node_modules/.bin/tsx',
];

/** Minimal glob: `**` any depth, `*` within one path segment (all electron-builder's file list here uses). */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('**')
    .map((part) => part.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('.*');
  return new RegExp(`^${body}$`);
}
/** electron-builder's rule: a path is in when the last pattern matching it is not a negation. */
function packaged(patterns: string[], path: string): boolean {
  let included = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (globToRegExp(negated ? pattern.slice(1) : pattern).test(path)) included = !negated;
  }
  return included;
}

/** Every way the config falls short of the release rules; empty when it is right. */
function problemsOf(config: Config): string[] {
  const problems: string[] = [];
  const fuses = (config.electronFuses ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(REQUIRED_FUSES)) {
    if (fuses[name] !== value) problems.push(`electronFuses.${name} must be ${String(value)}, is ${String(fuses[name])}`);
  }
  if (config.asar !== true) problems.push('asar must be true (the integrity fuse checks app.asar)');
  if (config.npmRebuild !== true) problems.push("npmRebuild must be true (native modules for Electron's ABI)");
  if (config.buildDependenciesFromSource !== true) problems.push('buildDependenciesFromSource must be true');
  const unpack = ([] as unknown[]).concat(config.asarUnpack ?? []);
  if (!unpack.some((p) => typeof p === 'string' && /\*\.node$/.test(p))) problems.push('native .node files must be unpacked');
  const files = config.files;
  if (!Array.isArray(files) || !files.every((f) => typeof f === 'string')) return [...problems, 'files must be a list of globs'];
  for (const path of runtimeFiles()) if (!packaged(files, path)) problems.push(`files leaves out ${path}`);
  for (const path of FORBIDDEN) if (packaged(files, path)) problems.push(`files packages ${path}`);
  if (config.publish !== null) problems.push('publish must be null: a build uploads nothing');
  const targets = (platform: string) =>
    ([] as unknown[])
      .concat((config[platform] as Config | undefined)?.target ?? [])
      .map((t) => (typeof t === 'string' ? t : (t as Config).target));
  if (!targets('win').includes('nsis')) problems.push('win needs the nsis target');
  for (const target of ['AppImage', 'deb']) if (!targets('linux').includes(target)) problems.push(`linux needs the ${target} target`);
  return problems;
}

test('electron-builder.yml locks every fuse, rebuilds native modules, packages only built output', () => {
  assert.deepEqual(problemsOf(readConfig()), []);
});

test('the fuses are exactly the documented set (no misspelt name silently ignored)', () => {
  const fuses = readConfig().electronFuses as Record<string, unknown>;
  assert.deepEqual(Object.keys(fuses).sort(), Object.keys(REQUIRED_FUSES).sort());
});

test('careless edits are caught: each one alone turns the check red', () => {
  const mutations: Array<[string, (c: Config) => void]> = [
    ['RunAsNode back on', (c) => ((c.electronFuses as Config).runAsNode = true)],
    ['NODE_OPTIONS back on', (c) => ((c.electronFuses as Config).enableNodeOptionsEnvironmentVariable = true)],
    ['inspect flags back on', (c) => ((c.electronFuses as Config).enableNodeCliInspectArguments = true)],
    ['asar integrity off', (c) => ((c.electronFuses as Config).enableEmbeddedAsarIntegrityValidation = false)],
    ['loose app folder allowed', (c) => delete (c.electronFuses as Config).onlyLoadAppFromAsar],
    ['cookie encryption off', (c) => ((c.electronFuses as Config).enableCookieEncryption = false)],
    ['file:// privileges on', (c) => ((c.electronFuses as Config).grantFileProtocolExtraPrivileges = true)],
    ['no fuses at all', (c) => delete c.electronFuses],
    ['asar off', (c) => (c.asar = false)],
    ['native rebuild off', (c) => (c.npmRebuild = false)],
    ['prebuilt binaries', (c) => delete c.buildDependenciesFromSource],
    ['native modules left in the asar', (c) => (c.asarUnpack = [])],
    ['everything packaged', (c) => (c.files = ['**/*'])],
    ['source maps packaged', (c) => (c.files = (c.files as string[]).filter((f) => f !== '!**/*.map'))],
    ['migrations left out', (c) => (c.files = (c.files as string[]).filter((f) => !f.startsWith('migrations')))],
    ['locales left out', (c) => (c.files = (c.files as string[]).filter((f) => !f.startsWith('renderer/locales')))],
    ['publishing on', (c) => delete c.publish],
    ['no deb', (c) => ((c.linux as Config).target = ['AppImage'])],
  ];
  for (const [name, mutate] of mutations) {
    const config = readConfig();
    mutate(config);
    assert.notDeepEqual(problemsOf(config), [], `not caught: ${name}`);
  }
});

test('the glob helper follows electron-builder: last matching pattern wins, * stays in one segment', () => {
  assert.equal(packaged(['dist/**', '!**/*.map'], 'dist/a/b.js'), true);
  assert.equal(packaged(['dist/**', '!**/*.map'], 'dist/a/b.js.map'), false);
  assert.equal(packaged(['dist/*'], 'dist/a/b.js'), false);
  assert.equal(packaged(['migrations/**'], 'migrationsX/a.sql'), false);
});
