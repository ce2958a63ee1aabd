// The baseline file of `tightship lint` (engine/baseline.ts does the matching; this reads and
// writes the file). --write-baseline FILE records today's findings, --baseline FILE hides the
// findings it holds and lists the entries that match nothing any more, --prune-baseline (with
// --baseline) rewrites FILE without those. Only these two writing flags ever write the file; a
// file that is not a baseline is never overwritten. Paths in the file are relative to its folder,
// so it holds whatever folder lint runs from.
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { IO } from '../io.js';
import { UserError, type TargetResult } from '../engine/types.js';
import {
  applyBaseline, createBaseline, parseBaseline, pruneBaseline, serializeBaseline, type Baseline, type FingerprintOptions,
} from '../engine/baseline.js';
import { showsSource } from '../report/common.js';
import { terminalText } from '../report/terminal.js';
import { flagSet, flagValue, type ParsedArgs } from './args.js';
import { writeFileAtomic } from './output.js';

/** A baseline file is a list of hashes: far below this. */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

export interface BaselinePlan {
  /** The file as given (for messages) and absolute. */
  file: string;
  abs: string;
  /** --write-baseline: record this run's findings. */
  write: boolean;
  /** --prune-baseline: rewrite the file without its stale entries. */
  prune: boolean;
  /** The file as read: with --baseline, or the previous one --write-baseline updates. */
  existing: Baseline | null;
}

export interface BaselineReport {
  file: string;
  /** Findings the baseline hid. */
  hidden: number;
}

type Read = { baseline: Baseline } | { missing: true } | { error: string };

async function readBaselineFile(abs: string): Promise<Read> {
  let handle;
  try {
    // non-blocking: a FIFO named as the baseline must not hang the run
    handle = await fs.open(abs, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { missing: true } : { error: `cannot read it (${code ?? String(err)})` };
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) return { error: 'it is a directory' };
    if (!st.isFile()) return { error: 'not a regular file' };
    if (st.size > MAX_BASELINE_BYTES) return { error: `larger than ${MAX_BASELINE_BYTES / 1048576} MB` };
    const parsed = parseBaseline((await handle.readFile()).toString('utf8'));
    return 'error' in parsed ? { error: parsed.error } : { baseline: parsed };
  } finally {
    await handle.close();
  }
}

/** Checks the baseline flags and reads the file before any work: a missing or corrupt --baseline
 *  is a one-line error; --write-baseline over a file that is not a baseline is refused. */
export async function planBaseline(args: ParsedArgs, io: IO, outputPath: string | undefined): Promise<BaselinePlan | null> {
  const use = flagValue(args, 'baseline');
  const write = flagValue(args, 'write-baseline');
  const prune = flagSet(args, 'prune-baseline');
  if (use !== undefined && write !== undefined) {
    throw new UserError('--baseline and --write-baseline exclude each other', '--write-baseline FILE records every finding; --baseline FILE --prune-baseline only drops the entries that match nothing');
  }
  if (prune && use === undefined) throw new UserError('--prune-baseline needs --baseline FILE', 'run with --baseline FILE --prune-baseline');
  if (flagSet(args, 'fix-dry-run') && (write !== undefined || prune)) {
    throw new UserError(`--fix-dry-run writes nothing; it cannot ${prune ? 'prune' : 'write'} a baseline`, 'run the baseline step without --fix-dry-run');
  }
  const file = use ?? write;
  if (file === undefined) return null;
  const flag = use !== undefined ? '--baseline' : '--write-baseline';
  const abs = path.resolve(io.cwd, file);
  if (outputPath !== undefined && path.resolve(outputPath) === abs) throw new UserError(`${flag} ${file} is also the --output file`, 'write the report and the baseline to different files');
  const read = await readBaselineFile(abs);
  const shown = terminalText(file);
  if (use !== undefined) {
    if ('missing' in read) throw new UserError(`--baseline ${shown}: no such file`, `create it with --write-baseline ${shown}`);
    if ('error' in read) throw new UserError(`--baseline ${shown} is not a tightship baseline: ${read.error}`, `write a new one with --write-baseline ${shown}`);
    return { file, abs, write: false, prune, existing: read.baseline };
  }
  if ('error' in read) {
    throw new UserError(`--write-baseline ${shown}: the file exists and is not a tightship baseline (${read.error}); refusing to overwrite it`, 'remove it or choose another file name');
  }
  return { file, abs, write: true, prune: false, existing: 'baseline' in read ? read.baseline : null };
}

/** The fingerprint options of a baseline: paths relative to its folder; no source text is hashed
 *  for a finding whose line holds a secret (the same fingerprints as SARIF's). */
function optionsFor(plan: BaselinePlan, cwd: string): FingerprintOptions {
  const dir = path.dirname(plan.abs);
  return {
    useSource: showsSource,
    pathOf: (p) => path.relative(dir, path.resolve(cwd, p)).split(path.sep).join('/') || p,
  };
}

/** Writes (--write-baseline) or applies (--baseline) the baseline; the results lose the findings
 *  it holds (levels are unchanged: a hidden finding still counts toward its target's level). */
export async function baselineStep(audited: { results: TargetResult[]; sources: Record<string, string> }, plan: BaselinePlan, io: IO): Promise<BaselineReport> {
  const opts = optionsFor(plan, io.cwd);
  const shown = terminalText(plan.file);
  let baseline: Baseline;
  if (plan.write) {
    baseline = createBaseline(audited.results, audited.sources, plan.existing ?? undefined, opts);
    await writeFileAtomic(plan.abs, serializeBaseline(baseline));
    io.stderr(`tightship: wrote baseline ${shown}: ${baseline.entries.length} entr${baseline.entries.length === 1 ? 'y' : 'ies'}\n`);
  } else if (plan.existing) {
    baseline = plan.existing;
  } else {
    throw new Error('a --baseline plan without its file');
  }
  const outcome = applyBaseline(audited.results, audited.sources, baseline, opts);
  audited.results = outcome.results;
  if (outcome.stale.length) {
    if (plan.prune) {
      await writeFileAtomic(plan.abs, serializeBaseline(pruneBaseline(baseline, outcome.stale)));
      io.stderr(`tightship: baseline ${shown}: removed ${outcome.stale.length} entr${outcome.stale.length === 1 ? 'y' : 'ies'} that matched no finding\n`);
    } else {
      const list = outcome.stale.slice(0, 20).map((e) => `  ${terminalText(e.path)}  ${e.ruleId}\n`).join('');
      const more = outcome.stale.length > 20 ? `  … and ${outcome.stale.length - 20} more\n` : '';
      io.stderr(`tightship: baseline ${shown}: ${outcome.stale.length} entr${outcome.stale.length === 1 ? 'y matches' : 'ies match'} no finding any more (fixed, or changed):\n${list}${more}hint: run with --baseline ${shown} --prune-baseline to drop them\n`);
    }
  }
  return { file: plan.file, hidden: outcome.hidden };
}
