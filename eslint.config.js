// Lint: TypeScript rules plus the import boundaries of DESIGN.md, which fail CI when crossed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import renderer from './renderer/eslint.renderer.js';

// Exact package names go in `paths` (a gitignore-style pattern "electron" would also match our electron/ folder).
const restrict = (paths, ...patterns) => ['error', { paths, patterns }];
const packages = (names, message) => names.map((name) => ({ name, message }));
const electronOnlyInShell = packages(['electron'], 'only electron/main and electron/preload import electron');
const outsideScreen = 'the screen reaches the outside world only through window.kiosk';
const nodeOnlyOutsideScreen = packages(['electron', 'electron-store', 'better-sqlite3', 'conf', 'ws'], outsideScreen);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [
          ...electronOnlyInShell,
          ...packages(['electron-store', 'react', 'react-dom', 'i18next'], 'core is plain Node: no Electron, no React'),
        ],
        { regex: '^react-', message: 'core is plain Node: no Electron, no React' },
        { regex: '^(\\.\\./)+(main|preload|host|app|cli|launcher|ipc)(/|$)', message: 'core imports nothing above it' },
        { regex: '(^|/)renderer/', message: 'core imports nothing above it' },
      ),
    },
  },
  {
    files: ['electron/ipc/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        nodeOnlyOutsideScreen,
        { regex: '^node:', message: 'ipc runs in the screen too: no Node APIs' },
        {
          regex: '^(\\.\\./)+core/(?!errors\\.js$|db/storage-errors\\.js$|(.+/)?schema\\.js$)',
          message: "ipc imports only core's pure modules: schemas, errors and storage-errors",
        },
        { regex: '^(\\.\\./)+(main|preload|host|app|cli|launcher)(/|$)', message: 'ipc is the contract: it imports no shell' },
      ),
    },
  },
  {
    files: ['electron/{app,host,cli,launcher}/**/*.ts', 'emulators/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(electronOnlyInShell) },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        nodeOnlyOutsideScreen,
        { regex: '^node:', message: outsideScreen },
        {
          regex: '^(\\.\\./)+(electron/(?!ipc/)|test/|emulators/|bench/|migrations/|printer-templates/)',
          message: 'the screen may import only electron/ipc from outside renderer/',
        },
      ),
    },
  },
  ...renderer,
);
