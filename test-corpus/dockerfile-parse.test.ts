// Every Dockerfile of the real-world corpus parses without throwing, without internal errors,
// deterministically, and with the same instructions (keyword, first and last line) as
// dockerfile-ast, the parser of the Docker language server.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { parseDockerfile } from '../src/targets/dockerfile/parse.js';
import { shellCommands } from '../src/targets/dockerfile/shell.js';
import { corpusDockerfiles } from './corpus.js';

const require = createRequire(import.meta.url);
interface AstInstruction { getKeyword(): string; getRange(): { start: { line: number }; end: { line: number } } }
const ast = require('dockerfile-ast') as { DockerfileParser: { parse(text: string): { getInstructions(): AstInstruction[] } } };

describe('the real-world corpus', () => {
  const files = corpusDockerfiles();

  it('lists over a thousand Dockerfiles', () => {
    assert.ok(files.length > 1000, `only ${files.length} files`);
  });

  it('parses every file without throwing or internal errors, and deterministically', () => {
    const failures: string[] = [];
    let instructions = 0;
    let commands = 0;
    for (const f of files) {
      const a = parseDockerfile(f.text, { path: f.name });
      const b = parseDockerfile(f.text, { path: f.name });
      if (JSON.stringify(a) !== JSON.stringify(b)) failures.push(`${f.name}: two parses differ`);
      for (const e of a.parseErrors) if (e.message.startsWith('internal')) failures.push(`${f.name}: ${e.message}`);
      if (a.stages.length === 0) failures.push(`${f.name}: no stages`);
      if (!a.final) failures.push(`${f.name}: no final facts`);
      instructions += a.instructions.length;
      for (const i of a.instructions) commands += shellCommands(i, a).length;
    }
    assert.deepEqual(failures, []);
    assert.ok(instructions > 10000 && commands > 10000, `${instructions} instructions, ${commands} commands`);
  });

  it('finds the same instructions as dockerfile-ast (keyword, first line, last line)', () => {
    const diffs: string[] = [];
    for (const f of files) {
      const ours = parseDockerfile(f.text, { path: f.name }).instructions
        .map((i) => `${i.keyword} ${i.range.start.line}-${i.range.end.line}`);
      const theirs = ast.DockerfileParser.parse(f.text.replace(/^\uFEFF/, '')).getInstructions()
        .map((i) => `${i.getKeyword().toUpperCase()} ${i.getRange().start.line + 1}-${i.getRange().end.line + 1}`);
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        const k = ours.findIndex((x, j) => x !== theirs[j]);
        diffs.push(`${f.name}: ours ${ours[k]} vs dockerfile-ast ${theirs[k]}`);
      }
    }
    assert.deepEqual(diffs, []);
  });
});
