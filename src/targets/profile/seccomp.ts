// Seccomp profile text → the facts the profile rules read (pure). The same function serves every
// place a profile is named: compose, daemon.json, `docker run --security-opt`, verify --seccomp.
import { entry, parseLocatedJson, type JNode } from '../daemon/json.js';
import type { JsonProblem } from '../daemon/json.js';
import type { ProfileModel, ProfileReference, SeccompFacts, SeccompRule } from './model.js';

export function seccompFacts(root: JNode): { facts: SeccompFacts | null; problems: JsonProblem[] } {
  const problems: JsonProblem[] = [];
  if (root.kind !== 'object') return { facts: null, problems: [{ message: 'a seccomp profile is a JSON object ({"defaultAction": …, "syscalls": […]})', range: root.range }] };
  const da = entry(root, 'defaultAction');
  if (!da) problems.push({ message: 'no "defaultAction": this is not a seccomp profile in Docker\'s format', range: root.range });
  else if (da.value.kind !== 'string') problems.push({ message: '"defaultAction" must be a string such as "SCMP_ACT_ERRNO"', range: da.value.range });
  const strings = (n: JNode | undefined): string[] => (n?.kind === 'array' ? n.items.flatMap((i) => (i.kind === 'string' ? [i.value] : [])) : []);
  const archMap: string[] = [];
  const am = entry(root, 'archMap');
  if (am?.value.kind === 'array') {
    for (const m of am.value.items) {
      const a = entry(m, 'architecture');
      if (a?.value.kind === 'string') archMap.push(a.value.value);
      archMap.push(...strings(entry(m, 'subArchitectures')?.value));
    }
  }
  const rules: SeccompRule[] = [];
  const sc = entry(root, 'syscalls');
  if (sc && sc.value.kind !== 'array') problems.push({ message: '"syscalls" must be an array of rules', range: sc.value.range });
  if (sc?.value.kind === 'array') {
    for (const r of sc.value.items) {
      if (r.kind !== 'object') {
        problems.push({ message: 'a syscalls entry must be an object with "names" and "action"', range: r.range });
        continue;
      }
      const action = entry(r, 'action');
      const names = [...strings(entry(r, 'names')?.value)];
      const name = entry(r, 'name'); // the old one-name form
      if (name?.value.kind === 'string') names.push(name.value.value);
      if (action?.value.kind !== 'string') {
        problems.push({ message: 'a syscalls entry has no "action" string', range: r.range });
        continue;
      }
      const hasContent = (k: string) => {
        const e = entry(r, k);
        if (!e) return false;
        if (e.value.kind === 'array') return e.value.items.length > 0;
        if (e.value.kind === 'object') return e.value.entries.length > 0;
        return e.value.kind !== 'null';
      };
      rules.push({ names, action: action.value.value, conditional: hasContent('args') || hasContent('includes') || hasContent('excludes'), range: r.range });
    }
  }
  return {
    facts: {
      defaultAction: da?.value.kind === 'string' ? da.value.value : null,
      defaultActionRange: da ? da.keyRange : null,
      architectures: strings(entry(root, 'architectures')?.value),
      archMap,
      rules,
      formatProblems: problems,
    },
    problems,
  };
}

/** A seccomp profile's text → its model (path relative POSIX; `referencedBy` where it was named). */
export function checkSeccompProfile(text: string, path: string, referencedBy?: ProfileReference): ProfileModel {
  const { root, problems } = parseLocatedJson(text);
  const model: ProfileModel = { kind: 'seccomp', path, text, json: root, jsonProblems: problems, seccomp: null, apparmor: null };
  if (referencedBy) model.referencedBy = referencedBy;
  if (root) model.seccomp = seccompFacts(root).facts;
  return model;
}

/** The model of a profile that could not be read. */
export function missingProfile(kind: ProfileModel['kind'], path: string, why: string, referencedBy?: ProfileReference): ProfileModel {
  const model: ProfileModel = { kind, path, text: null, missing: why, json: null, jsonProblems: [], seccomp: null, apparmor: null };
  if (referencedBy) model.referencedBy = referencedBy;
  return model;
}

/** Whether the profile lets `name` through: an unconditional allow rule, or a default that allows
 *  and no rule that refuses it. */
export function allows(f: SeccompFacts, name: string, opts: { conditional?: boolean } = {}): boolean {
  let verdict: boolean | null = null;
  for (const r of f.rules) {
    if (!r.names.includes(name)) continue;
    if (r.conditional && !opts.conditional) continue;
    verdict = r.action === 'SCMP_ACT_ALLOW' || r.action === 'SCMP_ACT_LOG';
  }
  if (verdict !== null) return verdict;
  return f.defaultAction === 'SCMP_ACT_ALLOW' || f.defaultAction === 'SCMP_ACT_LOG';
}
