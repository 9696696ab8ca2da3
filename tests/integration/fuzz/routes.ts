/**
 * Every HTTP route the server defines, read from the route files themselves (sync-server/http/routes
 * /*.ts) so a route added later is fuzzed without anyone remembering to list it. Paths are relative to
 * `/api`; `:param` segments are filled in by the fuzzer.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  file: string;
}

const ROUTES_DIR = path.resolve(import.meta.dirname, '../../../sync-server/http/routes');
const ROUTE_CALL = /app\.(get|post|put|patch|delete)\(\s*(['"`])([^'"`]+)\2/g;
/** Template segments in route paths (`/admin/people/:id/${path}`) and the words the file loops over. */
const TEMPLATE = /\$\{[^}]+\}/;
const LOOP_WORDS = /\[\s*'([a-z-]+)'\s*,/g;

export function enumerateRoutes(): Route[] {
  const routes: Route[] = [];
  for (const file of fs.readdirSync(ROUTES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const source = fs.readFileSync(path.join(ROUTES_DIR, file), 'utf8');
    const words = [...source.matchAll(LOOP_WORDS)].map((m) => m[1] ?? '');
    for (const m of source.matchAll(ROUTE_CALL)) {
      const method = (m[1] ?? 'get').toUpperCase() as Route['method'];
      const p = m[3] ?? '/';
      if (TEMPLATE.test(p)) {
        for (const w of words.length > 0 ? words : ['x']) routes.push({ method, path: p.replace(TEMPLATE, w), file });
      } else {
        routes.push({ method, path: p, file });
      }
    }
  }
  return routes;
}
