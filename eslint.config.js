// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { builtinModules } from 'node:module'

/*
 * Layering (STYLE.md habit 1), enforced here so a wrong import fails `npm test`:
 * - src-shared: no node, electron, DOM or React — pure TypeScript.
 * - src-renderer: never main's code, never electron or node; only api/ touches the bridge.
 * - src-main: only the shell (index.ts) and the preload import electron.
 */
const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]
const electronPaths = [
  { name: 'electron', message: 'Only src-main/index.ts and src-main/preload may import electron.' },
]
const nodePaths = nodeModules.map((name) => ({
  name,
  message: 'No Node.js modules here: this layer must run anywhere.',
}))
/*
 * Main's layers, arrows pointing down only (STYLE.md layout, issue #15): hosts (index.ts, preload, security, serve,
 * cli) → app (composition root, thin handlers) → services → providers → infra → src-shared. A relative import that
 * names a higher layer's folder leaves its own layer upwards; no provider imports another.
 */
const HOSTS = ['cli', 'serve', 'security', 'preload']
const above = (...folders) =>
  folders.map((folder) => ({
    group: [`**/${folder}/**`, `**/${folder}`],
    message: `Layers point down (hosts → app → services → providers → infra): this one may not import ${folder}/.`,
  }))
const mainLayer = (files, forbidden) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: electronPaths,
        patterns: [{ group: ['**/src-renderer/**'], message: 'Main never imports renderer code.' }, ...forbidden],
      },
    ],
  },
})
const PROVIDERS = ['claro', 'clearsale', 'mse']
/** Outside a provider's folder, it is used through its index (its public face). */
const PROVIDER_FACE = {
  group: ['**/providers/*/*'],
  message: 'Use a provider through its index (providers/<name>): its other files are its own.',
}
const providerLayers = PROVIDERS.map((name) =>
  mainLayer(
    [`src-main/providers/${name}/**/*.ts`],
    [
      ...above('services', 'app', ...HOSTS),
      {
        group: PROVIDERS.filter((other) => other !== name).map((other) => `**/${other}/**`),
        message: 'No provider imports another: shared sandbox helpers live in infra/sandbox.',
      },
    ],
  ),
)

const domGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'fetch',
  'WebSocket',
].map((name) => ({ name, message: 'src-shared must not touch the DOM.' }))

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...electronPaths, ...nodePaths, { name: 'react', message: 'src-shared is framework-free.' }],
          patterns: [
            {
              group: ['**/src-main/**', '**/src-renderer/**', '../src-main/*', '../src-renderer/*'],
              message: 'src-shared imports nothing from main or renderer.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...domGlobals,
        { name: 'process', message: 'src-shared must not touch Node globals.' },
        { name: 'Buffer', message: 'src-shared must not touch Node globals.' },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [...electronPaths, ...nodePaths],
          patterns: [
            {
              group: ['**/src-main/**', '**/src-main'],
              message: 'The renderer never imports main-process code: go through the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/api/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'sentinela', message: 'Only src-renderer/api talks to the bridge.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/api\\/(bridge|web-bridge)$/]',
          message: 'Use src-renderer/api/client, not the bridge itself.',
        },
      ],
    },
  },
  {
    // Every IPC call goes through a store action (STYLE habit 7): pages and components read stores.
    files: ['src-renderer/features/**/*.{ts,tsx}', 'src-renderer/components/**/*.{ts,tsx}', 'src-renderer/App.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...electronPaths, ...nodePaths],
          patterns: [
            {
              group: ['**/src-main/**', '**/src-main'],
              message: 'The renderer never imports main-process code: go through the contract.',
            },
            {
              group: ['**/api/client'],
              importNames: ['call', 'on'],
              message: 'Call the core from a store action (src-renderer/stores), not from a component.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/index.ts', 'src-main/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronPaths,
          patterns: [{ group: ['**/src-renderer/**'], message: 'Main never imports renderer code.' }],
        },
      ],
    },
  },
  mainLayer(['src-main/infra/**/*.ts'], above('providers', 'services', 'app', ...HOSTS)),
  ...providerLayers,
  mainLayer(['src-main/services/**/*.ts'], [...above('app', ...HOSTS), PROVIDER_FACE]),
  mainLayer(['src-main/app/**/*.ts'], [...above(...HOSTS), PROVIDER_FACE]),
  mainLayer(['src-main/cli/**/*.ts', 'src-main/serve/**/*.ts', 'src-main/security/**/*.ts'], [PROVIDER_FACE]),
)
