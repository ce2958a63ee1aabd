// `tightship rules`: the catalogue as text, JSON, or Markdown pages (docs/rules/ is generated
// by this command: `npm run docs`).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { IO } from '../io.js';
import { UserError } from '../engine/types.js';
import { catalogue } from '../rules/index.js';
import { publishedConfigSchema } from '../engine/config-schema.js';
import { GENERATED_MARKER, ruleDocs, rulesJson, rulesText } from '../report/rules-docs.js';
import { suppressionSyntax } from '../targets/index.js';
import { flagSet, flagValue, parseArgs } from './args.js';
import { writeFileAtomic } from './output.js';

export const RULES_USAGE = `Usage: tightship rules [--format text|json|markdown] [--output DIR]

Lists every rule: id, severity, the level it guards and its title.
  --format json       [{id, target, title, severity, level, equivalents, …}]
  --format markdown   with --output DIR: one page per rule (DIR/<target>/<name>.md) and DIR/README.md;
                      without: the index on stdout
  --format config-schema
                      the JSON Schema of .tightship.yaml with every rule id (schema/tightship.schema.json)
`;

export async function run(argv: string[], io: IO): Promise<number> {
  const args = parseArgs(argv, { format: { value: true, alias: 'f' }, output: { value: true, alias: 'o' }, help: { alias: 'h' } }, 'rules');
  if (flagSet(args, 'help')) {
    io.stdout(RULES_USAGE);
    return 0;
  }
  if (args.positional.length) throw new UserError(`unexpected argument '${args.positional[0]}'`, "run 'tightship rules --help'");
  const format = flagValue(args, 'format') ?? 'text';
  const output = flagValue(args, 'output');
  const rules = catalogue();
  if (format === 'text' || format === 'json' || format === 'config-schema') {
    const text = format === 'text' ? rulesText(rules)
      : format === 'json' ? `${JSON.stringify(rulesJson(rules), null, 2)}\n`
        : `${JSON.stringify(publishedConfigSchema(rules), null, 2)}\n`;
    if (output) await writeFileAtomic(path.resolve(io.cwd, output), text);
    else io.stdout(text);
    return 0;
  }
  if (format !== 'markdown') throw new UserError(`unknown format '${format}'`, 'use text, json, markdown or config-schema');
  const pages = ruleDocs(rules, suppressionSyntax());
  if (!output) {
    io.stdout(pages.get('README.md') ?? '');
    return 0;
  }
  const dir = path.resolve(io.cwd, output);
  const st = await fs.stat(dir).catch(() => null);
  if (st && !st.isDirectory()) throw new UserError(`--output ${output} is a file`, 'give a folder for the Markdown pages');
  let written = 0;
  for (const [rel, content] of pages) {
    const file = path.join(dir, ...rel.split('/'));
    await fs.mkdir(path.dirname(file), { recursive: true });
    const old = await fs.readFile(file, 'utf8').catch(() => null);
    if (old === content) continue;
    await writeFileAtomic(file, content);
    written++;
  }
  // pages of rules that no longer exist: removed only when they carry our generated marker
  let removed = 0;
  for (const rel of await markdownFiles(dir)) {
    if (pages.has(rel)) continue;
    const file = path.join(dir, ...rel.split('/'));
    if ((await fs.readFile(file, 'utf8')).includes(GENERATED_MARKER)) {
      await fs.rm(file);
      removed++;
    }
  }
  io.stderr(`tightship: ${pages.size} page(s) in ${output}, ${written} updated${removed ? `, ${removed} stale page(s) removed` : ''}\n`);
  return 0;
}

async function markdownFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...await markdownFiles(path.join(dir, e.name), `${prefix}${e.name}/`));
    else if (e.isFile() && e.name.endsWith('.md')) out.push(`${prefix}${e.name}`);
  }
  return out;
}
