/**
 * Accord's layering, checked by `npm test` (test/architecture/dependencies.test.ts).
 * Areas are the folders directly under src/server and src/web. Cycles between areas (runtime
 * imports; type-only imports vanish at run time) are found over this tool's graph by
 * test/architecture/area-graph.ts: its folder-scope rule also counts parent folders.
 */
const TESTS = '\\.test\\.tsx?$|/test-support\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'kysely-behind-repositories',
      comment:
        'Only repositories (files named *repository.ts) and src/server/db/ may use Kysely: every other module reaches the database through a repository.',
      severity: 'error',
      from: { pathNot: '^src/server/db/|repository\\.ts$' },
      to: { path: '(^|/)node_modules/kysely/' },
    },
    {
      name: 'services-receive-repositories',
      comment:
        'Area code receives a Store (src/server/store.ts), never the database handle or the executor type; only repositories, src/server/db/, start-up (app.ts, main.ts, setup/) and tests open the database.',
      severity: 'error',
      from: {
        path: '^src/server/(?!db/|setup/)[^/]+/',
        pathNot: `repository\\.ts$|${TESTS}`,
      },
      to: { path: '^src/server/db/(database|types|unit-of-work)\\.ts$' },
    },
    {
      name: 'core-is-pure',
      comment:
        'src/core is the domain without I/O, shared by server and web: it imports nothing outside itself (its tests may use their tools).',
      severity: 'error',
      from: { path: '^src/core/', pathNot: TESTS },
      to: { pathNot: '^src/core/' },
    },
    {
      name: 'server-keeps-off-the-web',
      comment:
        "The server and the command line do not import the web app (its catalogs included): the server's own words are in src/server/i18n; what is shared by both sides lives in src/core.",
      severity: 'error',
      from: { path: '^src/(server|cli)/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'web-areas-keep-their-internals',
      comment:
        "A web area imports another area only through that area's routes.tsx; what several areas use lives in the shared folders (app, components, forms, i18n, auth).",
      severity: 'error',
      from: { path: '^src/web/([^/]+)/' },
      to: {
        path: '^src/web/[^/]+/',
        pathNot: [
          '^src/web/$1/',
          '^src/web/(app|components|forms|i18n|auth)/',
          '^src/web/[^/]+/routes\\.tsx$',
        ],
      },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      from: { path: '^(src|test|bench)/' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|data|coverage)/|^test/architecture/fixtures/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
