// Compares the fast compose-YAML reader with the `yaml` library path on one text: the whole result
// of parseComposeText (tree, values, ranges, tags, diagnostics, comments) must be the same.
import assert from 'node:assert/strict';
import { parseComposeText } from '../../../src/targets/compose/parse.js';
import { toSchemaPlain } from '../../../src/targets/compose/schema.js';

/** Everything parseComposeText returns, Maps and non-finite numbers included. */
export function serialize(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => {
    if (v instanceof Map) return { map: [...v] };
    if (typeof v === 'number' && !Number.isFinite(v)) return `number:${String(v)}`;
    if (typeof v === 'symbol') return `symbol:${v.description}`;
    return v;
  });
}

const env = { SET: 'value', PORT: '8080' };

/** The schema value built while reading is the one toSchemaPlain builds from the tree (same keys, same order). */
function checkSchemaPlain(parsed: ReturnType<typeof parseComposeText>, label: string): void {
  if (parsed.root && 'schemaPlain' in parsed) assert.equal(serialize(parsed.schemaPlain), serialize(toSchemaPlain(parsed.root)), `${label}: schema value`);
}

function both(text: string) {
  const f = parseComposeText(text, { path: 'compose.yaml', env });
  const l = parseComposeText(text, { path: 'compose.yaml', env, yamlLibrary: true });
  checkSchemaPlain(f, 'fast');
  checkSchemaPlain(l, 'library');
  return { fast: serialize(f), library: serialize(l) };
}

export function assertSame(text: string, label = JSON.stringify(text)): void {
  const { fast, library } = both(text);
  if (fast !== library) {
    let i = 0;
    while (fast[i] === library[i]) i++;
    assert.fail(`${label}: fast reader differs from yaml at char ${i}\n  fast: …${fast.slice(Math.max(0, i - 200), i + 120)}\n  yaml: …${library.slice(Math.max(0, i - 200), i + 120)}`);
  }
}
