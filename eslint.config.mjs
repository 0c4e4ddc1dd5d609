import nx from '@nx/eslint-plugin';
import eslintConfigPrettier from 'eslint-config-prettier';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      '**/coverage',
      'libs/contracts/src/gen/**',
      '.tools/**',
      '.var/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: false,
          allow: [],
          depConstraints: [
            // Kinds: an app composes libraries; libraries never reach into apps.
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:testing'],
            },
            {
              sourceTag: 'type:util',
              onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:testing'],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:util', 'type:contracts'],
            },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:testing'],
            },
            // Ownership: each service team may use shared code, never another service's.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'scope:gateway',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:gateway'],
            },
            {
              sourceTag: 'scope:intent',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:intent'],
            },
            {
              sourceTag: 'scope:retrieval',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:retrieval'],
            },
            {
              sourceTag: 'scope:rerank',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:rerank'],
            },
            {
              sourceTag: 'scope:generation',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:generation'],
            },
            {
              sourceTag: 'scope:guardrails',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:guardrails'],
            },
            {
              sourceTag: 'scope:feedback',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:feedback'],
            },
            {
              sourceTag: 'scope:retraining-queue',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:retraining-queue'],
            },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared', 'scope:tools'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'tools/**/*'],
    rules: { 'no-console': 'off' },
  },
  eslintConfigPrettier,
];
