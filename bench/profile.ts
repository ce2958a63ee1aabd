// Where the time goes: one run under `node --cpu-prof`, then the time spent inside named
// functions (inclusive: a sample counts once for each named function on its stack). The bundle
// keeps function names (no minification), so the names are the source's.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

interface ProfileNode { id: number; callFrame: { functionName: string }; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

interface Shares {
  /** Sampled time of the whole process, ms (idle excluded). */
  total: number;
  /** ms inside each named function (inclusive). */
  inside: Record<string, number>;
}

/** Runs `args` with node under the CPU profiler in `cwd` and returns the time inside `names`. */
export function profileShares(args: string[], cwd: string, names: readonly string[]): Shares {
  const dir = mkdtempSync(join(os.tmpdir(), 'tightship-prof-'));
  try {
    execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, ...args], { cwd, stdio: 'ignore', maxBuffer: 1 << 28 });
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('no profile written');
    return sharesOf(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, names);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sharesOf(p: CpuProfile, names: readonly string[]): Shares {
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = new Map(p.nodes.map((n) => [n.id, n.callFrame.functionName]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const wanted = new Set(names);
  const inside = new Map<string, number>(names.map((n) => [n, 0]));
  let total = 0;
  for (const [id, us] of self) {
    if (nameOf.get(id) === '(idle)') continue;
    total += us;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = nameOf.get(cur) ?? '';
      if (wanted.has(name) && !seen.has(name)) {
        seen.add(name);
        inside.set(name, (inside.get(name) ?? 0) + us);
      }
    }
  }
  return { total: total / 1000, inside: Object.fromEntries([...inside].map(([k, v]) => [k, v / 1000])) };
}
