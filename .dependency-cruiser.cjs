/**
 * The layers of src/, checked by `npm test` (npm run deps). Each folder may
 * import only the folders below it:
 *
 *   cli
 *   explain   expr
 *   transforms
 *   forward   reverse   symbolic
 *   primitives
 *   core
 *
 * and no run-time import cycle may span two folders (a cycle inside one
 * folder, such as sin's partial calling cos, is the mathematics of the rules).
 */
const below = {
  core: [],
  primitives: ['core'],
  forward: ['core', 'primitives'],
  reverse: ['core', 'primitives'],
  symbolic: ['core', 'primitives'],
  transforms: ['core', 'primitives', 'forward', 'reverse', 'symbolic'],
  explain: ['core', 'primitives', 'forward', 'reverse', 'symbolic', 'transforms'],
  expr: ['core', 'primitives', 'forward', 'reverse', 'symbolic', 'transforms'],
  cli: ['core', 'primitives', 'forward', 'reverse', 'symbolic', 'transforms', 'explain', 'expr'],
};

module.exports = {
  forbidden: [
    ...Object.entries(below).map(([layer, allowed]) => ({
      name: `layer-${layer}`,
      comment: `src/${layer}/ may import only ${allowed.length > 0 ? allowed.join(', ') : 'itself'}`,
      severity: 'error',
      from: { path: `^src/${layer}/` },
      to: { path: '^src/', pathNot: `^src/(${[layer, ...allowed].join('|')})/` },
    })),
    {
      name: 'no-cycle-across-folders',
      comment: 'a run-time import cycle must stay inside one folder of src/',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: {
        circular: true,
        dependencyTypesNot: ['type-only'],
        via: { pathNot: '^src/$1/' },
      },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    includeOnly: '^src/',
  },
};
