// Reading scan reports (the I/O) and running the scan rules over them (pure, through the engine).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Finding, Rule } from '../../engine/types.js';
import type { ResolvedConfig } from '../../engine/config-types.js';
import type { LoadError } from '../../engine/target.js';
import { runRules } from '../../engine/run.js';
import type { ImageIdentity, ScanGate, ScanModel } from './model.js';
import { parseScanReport } from './parse.js';

const MAX_SCAN_REPORT_BYTES = 256 * 1024 * 1024;

/** The model of a scan report's text (the tests' loader and loadScanReport). */
export function scanModelOf(rel: string, text: string, opts: { gate: ScanGate; now: string; subjects?: ImageIdentity[] }): ScanModel | LoadError {
  try {
    const parsed = parseScanReport(text);
    const model: ScanModel = { path: rel, ...parsed, now: opts.now, gate: opts.gate };
    if (opts.subjects) model.subjects = opts.subjects;
    return model;
  } catch (err) {
    return { loadError: `${rel}: ${(err as Error).message}` };
  }
}

export async function loadScanReport(file: string, cwd: string, opts: { gate: ScanGate; now: string }): Promise<ScanModel | LoadError> {
  const rel = path.relative(cwd, file).split(path.sep).join('/') || file;
  const st = await fs.stat(file).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  if (st instanceof Error) return { loadError: `${rel}: ${(st as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : st.message}` };
  if (!st.isFile()) return { loadError: `${rel}: not a file` };
  if (st.size > MAX_SCAN_REPORT_BYTES) return { loadError: `${rel}: larger than ${MAX_SCAN_REPORT_BYTES / 1024 / 1024} MiB` };
  return scanModelOf(rel, await fs.readFile(file, 'utf8'), opts);
}

/** The findings of the scan rules over one report checked against one image. */
export function scanFindings(model: ScanModel, subjects: ImageIdentity[] | undefined, gate: ScanGate, config: ResolvedConfig, rules: readonly Rule[]): Finding[] {
  const m: ScanModel = { ...model, gate };
  if (subjects) m.subjects = subjects;
  else delete m.subjects;
  return runRules('scan', m, m.path, { config, rules });
}
