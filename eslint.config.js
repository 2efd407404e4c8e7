// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const FEATURES = readdirSync(new URL('./renderer/src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** Components use their feature's data/ hooks, never the database itself (GUIDE §3). */
const NO_DB = {
  regex: '(^|/)db/(database|audit|db-context)$',
  message: 'Components never import the database: use the feature data/ hooks.',
};

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // shared/ is pure TypeScript: no Electron, Node, DOM, React or Dexie (GUIDE §2).
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'dexie', 'zustand'],
          patterns: [
            { group: NODE_BUILTINS, message: 'shared/ must not import Node built-ins.' },
            { regex: '^(\\.\\./)+(electron|renderer|test)(/|$)', message: 'shared/ imports nothing from electron/ or renderer/.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'sessionStorage',
        'indexedDB',
        'process',
        'require',
        '__dirname',
      ],
    },
  },
  // The renderer never reaches Electron or Node; it talks to main only through src/platform.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            { group: NODE_BUILTINS, message: 'The renderer has no Node: ask main through the IPC contract.' },
            { regex: '^(\\.\\./)+electron(/|$)', message: 'The renderer imports nothing from electron/.' },
          ],
        },
      ],
    },
  },
  // Features do not import each other (bulletproof-react); components never touch the database.
  ...FEATURES.flatMap((feature) => {
    const others = FEATURES.filter((f) => f !== feature).join('|') || '$^';
    const base = [
      { group: NODE_BUILTINS, message: 'The renderer has no Node: ask main through the IPC contract.' },
      { regex: `^(\\.\\./)+(features/)?(${others})(/|$)`, message: 'Features do not import each other; combine them in src/app.' },
    ];
    return [
      {
        files: [`renderer/src/features/${feature}/**/*.{ts,tsx}`],
        rules: { 'no-restricted-imports': ['error', { paths: ['electron'], patterns: base }] },
      },
      {
        files: [`renderer/src/features/${feature}/components/**/*.{ts,tsx}`],
        rules: { 'no-restricted-imports': ['error', { paths: ['electron'], patterns: [...base, NO_DB] }] },
      },
    ];
  }),
  // Entities hold the rules and writes several features share (accounts, email, operators, services…):
  // features import them, they import no feature and not the app.
  {
    files: ['renderer/src/entities/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            { group: NODE_BUILTINS, message: 'The renderer has no Node: ask main through the IPC contract.' },
            { regex: '(^|/)(features|app)/', message: 'Entities know no feature: features import entities, never the other way.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['electron'], patterns: [NO_DB, { regex: '(^|/)features/', message: 'Building blocks know no feature.' }] },
      ],
    },
  },
  // electron/ never imports the renderer.
  {
    files: ['electron/**/*.{ts,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+renderer(/|$)', message: 'Main and preload never import the renderer.' }] },
      ],
    },
  },
);
