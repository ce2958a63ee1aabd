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
  /** ms of each group given (exclusive: a sample counts for the first group, in the order given,
   *  with one of its functions on the stack; the rest is `rest`). */
  groups: Record<string, number>;
}

/** Runs `args` with node under the CPU profiler in `cwd` and returns the time inside `names`
 *  and the time of each group of functions. */
export function profileShares(args: string[], cwd: string, names: readonly string[], groups: Record<string, readonly string[]> = {}): Shares {
  const dir = mkdtempSync(join(os.tmpdir(), 'tightship-prof-'));
  try {
    execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, ...args], { cwd, stdio: 'ignore', maxBuffer: 1 << 28 });
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('no profile written');
    return sharesOf(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, names, groups);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sharesOf(p: CpuProfile, names: readonly string[], groups: Record<string, readonly string[]>): Shares {
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = new Map(p.nodes.map((n) => [n.id, n.callFrame.functionName]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const wanted = new Set(names);
  const inside = new Map<string, number>(names.map((n) => [n, 0]));
  const groupList = Object.entries(groups);
  const byGroup = new Map<string, number>([...groupList.map(([g]) => [g, 0] as [string, number]), ['rest', 0]]);
  let total = 0;
  for (const [id, us] of self) {
    if (nameOf.get(id) === '(idle)') continue;
    total += us;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = nameOf.get(cur) ?? '';
      seen.add(name);
      if (wanted.has(name) && !seen.has(`\u0000${name}`)) {
        seen.add(`\u0000${name}`);
        inside.set(name, (inside.get(name) ?? 0) + us);
      }
    }
    const group = groupList.find(([, fns]) => fns.some((f) => seen.has(f)))?.[0] ?? 'rest';
    byGroup.set(group, (byGroup.get(group) ?? 0) + us);
  }
  const ms = (m: Map<string, number>) => Object.fromEntries([...m].map(([k, v]) => [k, v / 1000]));
  return { total: total / 1000, inside: ms(inside), groups: ms(byGroup) };
}
