// A small, strict argv parser shared by commands: known flags only, `--flag value` and
// `--flag=value`, repeatable flags, `--` ends the options. Unknown flags are usage errors with
// a did-you-mean.
import { UserError } from '../engine/types.js';
import { didYouMean } from '../engine/did-you-mean.js';

export interface FlagSpec {
  /** Takes a value. */
  value?: boolean;
  /** May be given more than once (values collected in order). */
  repeat?: boolean;
  alias?: string;
}

export interface ParsedArgs {
  flags: Map<string, string[] | true>;
  positional: string[];
}

export function parseArgs(argv: readonly string[], specs: Readonly<Partial<Record<string, FlagSpec>>>, command: string): ParsedArgs {
  const flags = new Map<string, string[] | true>();
  const positional: string[] = [];
  const aliases = new Map(Object.entries(specs).flatMap(([n, s]): [string, string][] => (s?.alias ? [[s.alias, n]] : [])));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { positional.push(...argv.slice(i + 1)); break; }
    if (!a.startsWith('-') || a === '-') { positional.push(a); continue; }
    const eq = a.indexOf('=');
    const written = a.slice(a.startsWith('--') ? 2 : 1, eq > 0 ? eq : undefined);
    const name = a.startsWith('--') ? written : aliases.get(written) ?? `-${written}`;
    const spec = specs[name];
    if (!spec) {
      const guess = didYouMean(name, Object.keys(specs));
      throw new UserError(`unknown option '${a.slice(0, eq > 0 ? eq : undefined)}' for '${command}'${guess ? ` (did you mean '--${guess}'?)` : ''}`,
        `run 'tightship ${command} --help' for the options`);
    }
    if (!spec.value) {
      if (eq > 0) throw new UserError(`option '--${name}' takes no value`, `run 'tightship ${command} --help'`);
      flags.set(name, true);
      continue;
    }
    let value: string;
    if (eq > 0) value = a.slice(eq + 1);
    else {
      const next = argv.at(i + 1);
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        throw new UserError(`option '--${name}' needs a value`, `run 'tightship ${command} --help'`);
      }
      value = next;
      i++;
    }
    const prev = flags.get(name);
    if (prev && prev !== true && !spec.repeat) {
      throw new UserError(`option '--${name}' given twice`, 'give it once');
    }
    flags.set(name, [...(prev && prev !== true ? prev : []), value]);
  }
  return { flags, positional };
}

export function flagValue(p: ParsedArgs, name: string): string | undefined {
  const v = p.flags.get(name);
  return v === undefined || v === true ? undefined : v[v.length - 1];
}

export function flagValues(p: ParsedArgs, name: string): string[] {
  const v = p.flags.get(name);
  return v === undefined || v === true ? [] : v;
}

export function flagSet(p: ParsedArgs, name: string): boolean {
  return p.flags.get(name) === true;
}
