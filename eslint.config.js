import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import prettier from 'eslint-config-prettier';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries (STYLE.md, "Layout"): api <- features <- app, no feature importing another,
 * and the server taking from src only src/api and src/lib, through package.json's #api/* and #lib/*.
 * ESLint's own no-restricted-imports is enough: the console imports across areas through the one
 * `@/` alias, so an import's text says where it goes; what it cannot see is kept out by refusing
 * the relative paths that would leave an area.
 */
const UP_AND_OUT = (areas) => areas.flatMap((area) => [`@/${area}/*`, `../${area}/*`, `../../${area}/*`]);
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const NOT_THE_APP = { group: ['@/app/*'], message: 'The app wires features together: a feature does not import it (api <- features <- app).' };
const otherFeatures = (feature) => ({
  group: ['@/features/*/**', `!@/features/${feature}/**`],
  message: 'A feature does not import another feature: lift what both need into src/lib, src/components or src/api.',
});
const boundaries = [
  {
    files: ['src/api/**/*.{ts,tsx}'],
    rules: restrict({ group: UP_AND_OUT(['features', 'app', 'components']), message: 'src/api is the contract: it imports no feature, component or app code.' }),
  },
  {
    files: ['src/lib/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    rules: restrict({ group: UP_AND_OUT(['features', 'app']), message: 'Shared code imports no feature and no app code.' }),
  },
  ...FEATURES.flatMap((feature) => [
    { files: [`src/features/${feature}/**/*.{ts,tsx}`], rules: restrict(NOT_THE_APP, otherFeatures(feature)) },
    {
      // Tests may reach the server's test helpers; the feature's own code leaves it only through `@/`.
      files: [`src/features/${feature}/**/*.{ts,tsx}`],
      ignores: ['**/*.test.{ts,tsx}'],
      rules: restrict(NOT_THE_APP, otherFeatures(feature), {
        group: ['../../*'],
        message: 'Leave the feature through `@/…`, so that the boundary rules can see where the import goes.',
      }),
    },
  ]),
  {
    files: ['server/**/*.ts'],
    rules: restrict(
      { group: ['@/*'], message: 'The server imports the console through #api/* and #lib/* (package.json imports).' },
      { group: ['**/src/*'], message: 'The server takes from src only src/api and src/lib, as #api/* and #lib/*.' },
    ),
  },
];

export default tseslint.config(
  // public/ holds plain browser scripts served as they are (theme.js runs before the app), outside the TS project.
  { ignores: ['dist/', 'node_modules/', 'playwright-report/', 'test-results/', '.data/', 'coverage/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true }],
      // Data crossing a boundary is parsed, not asserted: `as` hides lies from the type checker.
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // React Router's loaders throw redirect() and data() responses on purpose.
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          allow: [
            { from: 'lib', name: 'Response' },
            { from: 'package', package: 'react-router', name: 'DataWithResponseInit' },
          ],
        },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
  },
  ...pluginQuery.configs['flat/recommended'],
  {
    // Playwright fixtures must destructure their first argument, even when they use none of it.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  ...boundaries,
  {
    // Plain JavaScript run by Node before anything is built (npm start, the server build): outside the TS project.
    files: ['eslint.config.js', 'scripts/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Nothing untranslated lands (issue 18): a user-facing word in JSX comes from a catalog
    // (messages/<language>.json), not from the code. Symbols (·, ✓, ▾) and data in braces are fine;
    // text that is data by nature, like a brand, goes through a variable with a comment saying why.
    files: ['src/**/*.tsx'],
    ignores: ['**/*.test.tsx', 'src/test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'JSXText[value=/\\p{L}{2,}/u]', message: 'User-facing text comes from the area’s catalog (messages/en.json), not JSX.' },
        {
          selector: ':matches(JSXElement, JSXFragment) > JSXExpressionContainer > Literal[value=/\\p{L}{2,}/u]',
          message: 'User-facing text comes from the area’s catalog (messages/en.json), not a string literal.',
        },
        {
          selector: ':matches(JSXElement, JSXFragment) > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/\\p{L}{2,}/u]',
          message: 'User-facing text comes from the area’s catalog (messages/en.json), not a template literal.',
        },
        {
          selector:
            'JSXAttribute[name.name=/^(aria-label|aria-description|aria-roledescription|title|placeholder|alt|label|description|documentTitle|hint|cancelLabel|confirmLabel|emptyMessage)$/] > Literal[value=/\\p{L}{2,}/u]',
          message: 'A label, title, placeholder or description comes from the area’s catalog (messages/en.json).',
        },
      ],
    },
  },
  // Formatting is Prettier's job (`prettier --check` in npm run lint): no ESLint rule argues with it.
  prettier,
);
