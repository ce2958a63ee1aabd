// The boundaries the architecture promises, checked on the source: the engine imports no target,
// no rule and no registry; only the CLI process (cli-start.ts) exits the process or handles
// signals, and the bin's loader (code-cache.ts) hooks the exit to write its cache; VERSION does not
// come from main.ts (which imports the commands).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : n.endsWith('.ts') && !n.endsWith('.generated.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]);
}

it('the engine imports no target, rule, registry, command or report', () => {
  for (const f of files(path.join(SRC, 'engine'))) {
    for (const spec of imports(f)) {
      assert.ok(!/^\.\.\/(targets|rules|commands|report)\//.test(spec), `${path.relative(SRC, f)} imports ${spec}`);
    }
  }
});

it('only the CLI process exits the process or handles signals', () => {
  for (const f of files(SRC)) {
    if (['cli.ts', 'cli-start.ts', 'code-cache.ts'].includes(path.relative(SRC, f))) continue;
    const code = readFileSync(f, 'utf8').split('\n').filter((l) => !/^\s*(\/\/|\*|'|")/.test(l)).join('\n');
    assert.doesNotMatch(code, /process\.(exit|once|on)\(|process\.removeListener\(/, path.relative(SRC, f));
  }
});

it('no module takes VERSION from main.ts', () => {
  for (const f of files(SRC)) {
    // cli-start.ts runs main; index.ts re-exports it for the library
    if (['main.ts', 'index.ts', 'cli.ts', 'cli-start.ts'].includes(path.relative(SRC, f))) continue;
    assert.ok(!imports(f).some((s) => /(^|\/)main\.js$/.test(s)), `${path.relative(SRC, f)} imports main.js`);
  }
});
