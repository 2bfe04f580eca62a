// The locale files agree with each other and with the code: same keys in zh-CN and en, no empty text, no missing key.
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../electron/core/errors.js';
import { createI18n } from '../../renderer/src/i18n/create-i18n';

type Tree = { [key: string]: string | Tree };

const localeFiles = import.meta.glob<Tree>('../../renderer/locales/*/*.json', { eager: true, import: 'default' });
/** Core and contract source: the error keys they send to the screen must all be translated. */
const coreFiles = import.meta.glob<string>('../../electron/**/*.ts', { eager: true, query: '?raw', import: 'default' });
const sourceFiles = import.meta.glob<string>('../../renderer/src/**/*.{ts,tsx}', {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** locales[language][namespace] = flat map of dotted key → text */
const locales: Record<string, Record<string, Map<string, string>>> = {};
for (const [path, tree] of Object.entries(localeFiles)) {
  const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!match) throw new Error(`unexpected locale path ${path}`);
  const [, language = '', namespace = ''] = match;
  (locales[language] ??= {})[namespace] = flatten(tree);
}

function flatten(tree: Tree, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into.set(path, value);
    else flatten(value, path, into);
  }
  return into;
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(pluralSuffix, '');
const baseKeys = (keys: Map<string, string>) => [...new Set([...keys.keys()].map(baseKey))].sort();
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

const languages = Object.keys(locales).sort();
const namespaces = Object.keys(locales['zh-CN'] ?? {}).sort();

describe('locale files', () => {
  it('exist for zh-CN and en, with the same namespaces', () => {
    expect(languages).toEqual(['en', 'zh-CN']);
    expect(namespaces.length).toBeGreaterThan(0);
    expect(Object.keys(locales.en ?? {}).sort()).toEqual(namespaces);
  });

  it.each(namespaces)('%s: zh-CN and en have the same keys (plural forms aside)', (namespace) => {
    expect(baseKeys(locales.en?.[namespace] ?? new Map())).toEqual(baseKeys(locales['zh-CN']?.[namespace] ?? new Map()));
  });

  it.each(namespaces)('%s: no empty text in any language', (namespace) => {
    for (const language of languages) {
      for (const [key, text] of locales[language]?.[namespace] ?? []) {
        expect(text.trim(), `${language}/${namespace}:${key}`).not.toBe('');
      }
    }
  });

  it.each(namespaces)('%s: every plural key has each form its language needs', (namespace) => {
    for (const language of languages) {
      const keys = locales[language]?.[namespace] ?? new Map<string, string>();
      const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const key of keys.keys()) {
        if (!pluralSuffix.test(key)) continue;
        for (const form of forms)
          expect(keys.has(`${baseKey(key)}_${form}`), `${language}/${namespace}:${baseKey(key)}_${form}`).toBe(true);
      }
    }
  });

  it.each(namespaces)('%s: both languages use the same {{placeholders}}', (namespace) => {
    const zh = locales['zh-CN']?.[namespace] ?? new Map<string, string>();
    const en = locales.en?.[namespace] ?? new Map<string, string>();
    for (const [key, text] of en) {
      const zhText = zh.get(key) ?? zh.get(`${baseKey(key)}_other`) ?? '';
      expect(placeholders(text), `${namespace}:${key}`).toEqual(placeholders(zhText));
    }
  });
});

describe('keys used in renderer/src', () => {
  // t('ns:key') or t('key') (the default namespace, common), and <Trans i18nKey="ns:key">.
  const usePattern = /\bt\(\s*(['"])([^'"]+)\1|\bi18nKey=(['"])([^'"]+)\3/g;
  const used = Object.entries(sourceFiles).flatMap(([file, text]) =>
    [...text.matchAll(usePattern)].map((m) => ({ file, key: (m[2] ?? m[4]) as string })),
  );

  it('are found by the scan (so an empty scan cannot pass)', () => {
    expect(Object.keys(sourceFiles).length).toBeGreaterThan(5);
    expect(used.length).toBeGreaterThan(15);
  });

  it('all exist in every language', () => {
    const missing: string[] = [];
    for (const { file, key } of used) {
      const [namespace, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['common', key];
      for (const language of languages) {
        const keys = locales[language]?.[namespace];
        const found = keys?.has(path) || keys?.has(`${path}_other`);
        if (!found) missing.push(`${language} ${namespace}:${path} (${file})`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('contract error keys', () => {
  const camel = (code: string) => code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  const sentByCore = Object.values(coreFiles).flatMap((text) => [...text.matchAll(/'(errors\.[A-Za-z]+)'/g)].map((m) => m[1]!));
  const contractKeys = [...new Set([...errorCodes.map((code) => `errors.${camel(code)}`), ...sentByCore])].sort();

  it('the scan of core finds the keys it sends (so an empty scan cannot pass)', () => {
    expect(sentByCore).toContain('errors.settingsInvalid');
  });

  it.each(contractKeys)('%s exists in zh-CN and en', (key) => {
    for (const language of languages) expect(locales[language]?.common?.has(key), `${language} ${key}`).toBe(true);
  });

  it('interpolate their params', () => {
    const i18n = createI18n('en');
    expect(i18n.t('errors.settingsInvalid', { field: 'idle.timeoutSeconds', problem: 'too small' })).toContain(
      'idle.timeoutSeconds (too small)',
    );
    expect(i18n.t('errors.settingsTooNew', { found: 3, supported: 1 })).toMatch(/3.*1/);
  });
});
