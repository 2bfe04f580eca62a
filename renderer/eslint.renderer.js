// Lint rules for the renderer, merged into the root eslint.config.js (which also holds its import boundary): no
// user-visible literal text, correct hook usage.
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const rendererSources = ['renderer/src/**/*.{ts,tsx}'];

export default [
  {
    // Parses TSX here too, so this array also works on its own (`eslint -c renderer/eslint.renderer.js`).
    files: rendererSources,
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaFeatures: { jsx: true }, sourceType: 'module' },
    },
  },
  {
    ...reactHooks.configs.flat.recommended,
    files: rendererSources,
  },
  {
    files: rendererSources,
    plugins: { i18next },
    rules: {
      // Markup mode: JSX text and user-facing JSX attributes (aria-label, alt, title, placeholder, and props of our
      // own components) must come from t(); plain code strings (keys, test ids, class names) are left alone.
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            exclude: [
              'className',
              'style',
              'type',
              'key',
              'id',
              'width',
              'height',
              'role',
              'lang',
              'data-testid',
              'testId',
              'i18nKey',
              'ns',
            ],
          },
        },
      ],
    },
  },
];
