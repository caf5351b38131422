/**
 * The import rules of docs/architecture.md: shared imports nothing of ours; the three runtimes never import each other;
 * renderer features never import each other.
 */
const runtimes = ['renderer', 'electron', 'server'];
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ is pure TypeScript: it imports none of renderer/, electron/, server/, test/, bench/.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(renderer|electron|server|test|bench)/' },
    },
    {
      name: 'shared-no-runtime-modules',
      comment: 'shared/ runs in the browser, in Node and in Electron: no Node built-ins, no electron.',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-no-electron',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^node_modules/electron/' },
    },
    ...runtimes.flatMap((from) =>
      runtimes
        .filter((to) => to !== from)
        .map((to) => ({
          name: `${from}-not-${to}`,
          comment: `${from}/ must not import ${to}/: they talk through shared/ contracts only.`,
          severity: 'error',
          from: { path: `^${from}/` },
          to: { path: `^${to}/` },
        })),
    ),
    {
      name: 'features-not-each-other',
      comment:
        'renderer/src/features/A never imports renderer/src/features/B: what two features share lives in renderer/src/record/ (parts of a record) or renderer/src/app/ (the shell), and the session composes features (docs/architecture.md).',
      severity: 'error',
      from: { path: '^renderer/src/features/([^/]+)/' },
      to: { path: '^renderer/src/features/', pathNot: '^renderer/src/features/$1/' },
    },
    {
      name: 'shared-parts-not-features',
      comment: 'The record parts and the data layer are shared by features, so they import none.',
      severity: 'error',
      from: { path: '^renderer/src/(record|data)/' },
      to: { path: '^renderer/src/features/' },
    },
    {
      name: 'no-test-code-in-product',
      severity: 'error',
      from: { path: '^(shared|renderer|electron|server)/', pathNot: '\\.test\\.tsx?$|test-setup\\.ts$' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
