// Reads a command line found in a project (targets/project/command-lines.ts) the way the
// container CLI does: the engine's own options, the subcommand (`run`, `create`, `container run`,
// `container create`, `service create`), then the subcommand's flags with pflag's rules (long
// flags with `=value` or a separate value, boolean flags with an optional `=false`, clusters of
// short flags whose last member may take the rest of the word or the next word as its value,
// `--` ending the flags), the image as the first word that is not a flag, the command after it.
// Pure.
import type { CommandLine } from '../project/types.js';
import { ALIASES, GLOBAL_TABLE, RUN_TABLE, SERVICE_TABLE, type FlagTable } from './flags.js';
import type { Place, RunCommand, RunFlag, RunVerb, UnknownFlag } from './model.js';

export const ENGINES = new Set(['docker', 'podman', 'nerdctl']);

/** A value the file does not give: a shell or make variable, a command substitution, a CI expression. */
export function isUnresolved(value: string): boolean {
  return /\$[({A-Za-z_0-9@*#?!]|`/.test(value);
}

/** A word that is nothing but one variable or substitution (`$OPTS`, `${ARGS}`, `$(make-args)`). */
function isWholeVariable(value: string): boolean {
  return /^(?:\$[A-Za-z_][A-Za-z0-9_]*|\$\{[^}]*\}|\$\([^)]*\)|\$\{\{[^}]*\}\}|`[^`]*`)$/.test(value);
}

function placeOf(cl: CommandLine, i: number): Place {
  const w = cl.words?.[i];
  const value = cl.argv[i] ?? '';
  const line = w?.line ?? cl.line;
  const column = w?.column ?? cl.column;
  const first = value.split('\n')[0];
  return { line, column, endLine: line, endColumn: column + Math.max(1, first.length) };
}

/** The run command of a command line, or null when it is not one. */
export function readRunCommand(cl: CommandLine): RunCommand | null {
  const argv = cl.argv;
  const engine = cl.name.replace(/\.exe$/i, '').toLowerCase();
  if (!ENGINES.has(engine)) return null;
  let i = 1;
  // the engine's own options: `docker -H ssh://host --context prod run …`
  while (i < argv.length && argv[i].startsWith('-') && argv[i] !== '-') {
    const w = argv[i];
    const long = w.startsWith('--');
    const name = long ? w.slice(2).split('=')[0] : w.slice(1, 2);
    const def = long ? GLOBAL_TABLE.long.get(name) : GLOBAL_TABLE.short.get(name);
    if (!def) return null; // not an option we know: not read as a run line
    i += def.value && !w.includes('=') && (long || w.length === 2) ? 2 : 1;
  }
  let verb: RunVerb | null = null;
  const sub = argv[i];
  const sub2 = argv[i + 1];
  if (sub === 'run' || sub === 'create') { verb = sub; i += 1; }
  else if (sub === 'container' && (sub2 === 'run' || sub2 === 'create')) { verb = sub2; i += 2; }
  else if (sub === 'service' && sub2 === 'create' && engine === 'docker') { verb = 'service create'; i += 2; }
  if (!verb) return null;
  const table = verb === 'service create' ? SERVICE_TABLE : RUN_TABLE;
  const written = [...cl.via.filter((v) => v === 'sudo' || v === 'doas'), argv.slice(0, i).filter((w) => !w.startsWith('-')).join(' ')].join(' ');
  const cmd: RunCommand = {
    file: cl.file, at: placeOf(cl, 0), engine, verb, written, origin: cl.origin,
    flags: [], unknown: [], image: null, imageUncertain: null, command: [],
  };
  if (cl.where !== undefined) cmd.where = cl.where;
  parseFlags(cl, i, table, cmd);
  return cmd;
}

function flagOf(name: string, written: string, value: string | null, at: Place): RunFlag {
  return { name, written, value, at, unresolved: value !== null && isUnresolved(value) };
}

function parseFlags(cl: CommandLine, from: number, table: FlagTable, cmd: RunCommand): void {
  const argv = cl.argv;
  let i = from;
  while (i < argv.length) {
    const w = argv[i];
    const at = placeOf(cl, i);
    if (w === '--') { i++; break; }
    if (w.startsWith('--') && w.length > 2) {
      const eq = w.indexOf('=');
      const raw = eq < 0 ? w.slice(2) : w.slice(2, eq);
      const name = ALIASES[raw] ?? raw;
      const def = table.long.get(name);
      if (!def) {
        i += unknownFlag(cl, i, w, eq >= 0, cmd);
        continue;
      }
      if (!def.value) { cmd.flags.push(flagOf(name, w, eq < 0 ? null : w.slice(eq + 1), at)); i++; continue; }
      if (eq >= 0) { cmd.flags.push(flagOf(name, w, w.slice(eq + 1), at)); i++; continue; }
      cmd.flags.push(flagOf(name, w, argv[i + 1] ?? '', at));
      i += 2;
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      // a cluster: -itd, -p8080:80, -e=A=1, -it --rm
      let took = 1;
      for (let j = 1; j < w.length; j++) {
        const letter = w[j];
        const def = table.short.get(letter);
        if (!def) {
          took = unknownFlag(cl, i, `-${letter}`, j < w.length - 1, cmd);
          break;
        }
        if (!def.value) { cmd.flags.push(flagOf(def.long, w, null, at)); continue; }
        let rest = w.slice(j + 1);
        if (rest.startsWith('=')) rest = rest.slice(1);
        if (rest !== '' || j + 1 < w.length) cmd.flags.push(flagOf(def.long, w, rest, at));
        else { cmd.flags.push(flagOf(def.long, w, argv[i + 1] ?? '', at)); took = 2; }
        break;
      }
      i += took;
      continue;
    }
    if (isWholeVariable(w) && i + 1 < argv.length && !argv[i + 1].startsWith('-') && !cmd.imageUncertain) {
      // `docker run $OPTS image` or `docker run $IMAGE cmd`: the variable may hold flags (followed
      // by a flag, it is read as the image: the words after an image are its command's)
      cmd.imageUncertain = { flag: w, candidates: [w, argv[i + 1]] };
    }
    break;
  }
  if (i < argv.length) {
    const w = argv[i];
    cmd.image = { value: w, at: placeOf(cl, i), unresolved: isUnresolved(w) };
    cmd.command = argv.slice(i + 1);
    if (cmd.imageUncertain && !cmd.imageUncertain.candidates.includes(w)) cmd.imageUncertain.candidates.push(w);
  }
}

/** Records an unknown flag; returns how many words it takes (1, or 2 when it may take the next
 *  word as its value). A flag with `=value` (or a short flag with letters after it) carries its
 *  own value, and a flag followed by a flag takes none. Otherwise the next word is either its
 *  value or the image: it is read as the value (so that the flags after it are still read) and
 *  the image is marked uncertain, with both candidates; rules that need the image skip it. */
function unknownFlag(cl: CommandLine, i: number, written: string, selfContained: boolean, cmd: RunCommand): number {
  const next = cl.argv.at(i + 1);
  const u: UnknownFlag = { written, at: placeOf(cl, i), next: null };
  cmd.unknown.push(u);
  if (selfContained || next === undefined || next.startsWith('-')) return 1;
  u.next = next;
  cmd.imageUncertain ??= { flag: written, candidates: [next] };
  return 2;
}
