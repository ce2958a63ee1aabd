// The generated docs and the published config schema must match the rule metadata.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { catalogue } from '../../src/rules/index.js';
import { ruleDocs } from '../../src/report/rules-docs.js';
import { suppressionSyntax } from '../../src/targets/index.js';
import { publishedConfigSchema } from '../../src/engine/config-schema.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DOCS = path.join(ROOT, 'docs/rules');
const STALE = 'is stale: run `npm run docs` and commit the result';

function markdownFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? markdownFiles(p, `${prefix}${n}/`) : n.endsWith('.md') ? [`${prefix}${n}`] : [];
  });
}

it('docs/rules/ matches the rule metadata', () => {
  const pages = ruleDocs(catalogue(), suppressionSyntax());
  for (const [rel, content] of pages) {
    const file = path.join(DOCS, rel);
    assert.ok(existsSync(file), `docs/rules/${rel} is missing: run \`npm run docs\``);
    assert.equal(readFileSync(file, 'utf8'), content, `docs/rules/${rel} ${STALE}`);
  }
  const extra = markdownFiles(DOCS).filter((rel) => !pages.has(rel));
  assert.deepEqual(extra, [], `docs/rules has pages of rules that no longer exist; delete them`);
});

it('schema/tightship.schema.json matches the rule metadata', () => {
  const expected = `${JSON.stringify(publishedConfigSchema(catalogue()), null, 2)}\n`;
  assert.equal(readFileSync(path.join(ROOT, 'schema/tightship.schema.json'), 'utf8'), expected, `schema/tightship.schema.json ${STALE}`);
});
