// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ours = (...names) => names.map((n) => `@kayoi/${n}`);
const restrict = (
  paths,
  patterns = [],
  message = 'This package may not depend on that one (see docs/ARCHITECTURE.md).',
) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: patterns.map((group) => ({ group: [group], message })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.kayoi/**', 'packages/db/migrations/**', 'apps/web/dist/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  // The boundaries of docs/ARCHITECTURE.md, enforced rather than only written down.
  { files: ['packages/stats/src/**'], rules: restrict(ours('contracts', 'core', 'db', 'channels', 'server')) },
  { files: ['packages/contracts/src/**'], rules: restrict(ours('stats', 'core', 'db', 'channels', 'server')) },
  {
    files: ['packages/core/src/**'],
    rules: restrict(
      [...ours('db', 'channels', 'server'), 'pg', 'hono', 'drizzle-orm', 'node:fs', 'node:http'],
      ['@electric-sql/*', '@hono/*', 'drizzle-orm/*'],
    ),
  },
  { files: ['packages/db/src/**'], rules: restrict(ours('channels', 'server'), ['hono', '@hono/*']) },
  // Channel adapters speak to providers over HTTP/SMTP; they know the domain's ports, no storage or server.
  {
    files: ['packages/channels/src/**'],
    rules: restrict(
      [...ours('stats', 'db', 'server'), 'pg', 'hono', 'drizzle-orm'],
      ['@electric-sql/*', '@hono/*', 'drizzle-orm/*'],
    ),
  },
  // The web app knows the API contract only.
  {
    files: ['apps/web/src/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, ...restrict(ours('stats', 'core', 'db', 'channels', 'server')) },
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', localStorage: 'readonly', fetch: 'readonly', Blob: 'readonly', File: 'readonly', URLSearchParams: 'readonly' },
    },
  },
);
