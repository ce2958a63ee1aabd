// `tightship migrate hadolint`: writes the .tightship.yaml equivalent to this folder's
// .hadolint.yaml (and HADOLINT_* variables), with a comment per setting saying whether it was
// honoured. Never writes over an existing tightship config without --force.
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { IO } from '../io.js';
import { UserError } from '../engine/types.js';
import { catalogue } from '../rules/index.js';
import { CONFIG_FILE_NAMES } from '../engine/config.js';
import { HADOLINT_CONFIG_FILE_NAMES, hasHadolintEnv, renderTightshipYaml, translateHadolintConfig } from '../engine/hadolint-config.js';
import { flagSet, parseArgs } from './args.js';
import { writeFileAtomic } from './output.js';

export const MIGRATE_USAGE = `Usage: tightship migrate hadolint [--force] [--dry-run]

Reads .hadolint.yaml (or .hadolint.yml) in the current folder and the HADOLINT_* variables, and
writes the equivalent .tightship.yaml next to it. Each hadolint setting is listed as a comment:
honoured, honoured in part, or without a tightship equivalent yet.
  --dry-run   print the .tightship.yaml on stdout; write nothing
  --force     replace an existing .tightship.yaml / .tightship.yml
`;

export async function run(argv: string[], io: IO): Promise<number> {
  const args = parseArgs(argv, { force: {}, 'dry-run': {}, help: { alias: 'h' } }, 'migrate');
  if (flagSet(args, 'help')) {
    io.stdout(MIGRATE_USAGE);
    return 0;
  }
  const from = args.positional.at(0);
  const extra = args.positional.at(1);
  if (from === undefined) throw new UserError('missing what to migrate from', "run 'tightship migrate hadolint'");
  if (from !== 'hadolint') throw new UserError(`cannot migrate from '${from}'`, 'tightship migrates from: hadolint');
  if (extra !== undefined) throw new UserError(`unexpected argument '${extra}'`, "run 'tightship migrate --help'");

  const found = HADOLINT_CONFIG_FILE_NAMES.map((n) => path.join(io.cwd, n)).filter((f) => existsSync(f));
  const hasEnv = hasHadolintEnv(io.env);
  if (!found.length && !hasEnv) {
    throw new UserError(`no .hadolint.yaml or .hadolint.yml in ${io.cwd}, and no HADOLINT_* variables`,
      'run the command in the folder that holds the hadolint configuration');
  }
  const source = found[0];
  let text: string | null = null;
  if (source) {
    try {
      const st = await fs.stat(source);
      if (!st.isFile()) throw new UserError(`${path.basename(source)} is not a file`, 'remove or rename it');
      text = await fs.readFile(source, 'utf8');
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(`cannot read ${path.basename(source)}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
  }
  const shown = source ? path.basename(source) : 'HADOLINT_* variables';
  const translation = translateHadolintConfig({ yaml: text, file: shown, env: io.env, rules: catalogue() });
  const yaml = renderTightshipYaml(translation, source && hasEnv ? `${shown} and HADOLINT_* variables` : shown);

  if (flagSet(args, 'dry-run')) {
    io.stdout(yaml);
    return 0;
  }
  const existing = CONFIG_FILE_NAMES.map((n) => path.join(io.cwd, n)).filter((f) => existsSync(f));
  if (existing.length && !flagSet(args, 'force')) {
    throw new UserError(`${path.basename(existing[0])} already exists; not overwriting it`,
      'use --dry-run to see the translation, or --force to replace the file');
  }
  const target = existing[0] ?? path.join(io.cwd, CONFIG_FILE_NAMES[0]);
  await writeFileAtomic(target, yaml);
  if (found.length > 1) io.stderr(`tightship: both ${found.map((f) => path.basename(f)).join(' and ')} exist; read ${shown}\n`);
  io.stderr(`tightship: wrote ${path.basename(target)} from ${shown}\n`);
  for (const n of translation.notes) io.stderr(`  ${n.key}: ${n.status}${n.message ? ` — ${n.message}` : ''}\n`);
  return 0;
}
