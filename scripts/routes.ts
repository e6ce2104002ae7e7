// Prints the route inventory (method, path, permission, roles, org-scoped) as Markdown.
//   npm run routes               print it
//   npm run routes -- --write    write docs/routes.md
//   npm run routes -- --check    exit 1 if docs/routes.md is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { ROUTES_DOC, routeInventory, routesMarkdown } from '../server/src/security/routes-doc.ts';

const md = routesMarkdown(await routeInventory());
if (process.argv.includes('--write')) {
  writeFileSync(ROUTES_DOC, md);
  console.log(`wrote ${ROUTES_DOC}`);
} else if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(ROUTES_DOC, 'utf8');
  } catch {
    // missing: out of date
  }
  if (current !== md) {
    console.error('docs/routes.md is out of date: run npm run routes -- --write');
    process.exit(1);
  }
  console.log('docs/routes.md is up to date');
} else {
  process.stdout.write(md);
}
