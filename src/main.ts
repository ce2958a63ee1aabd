// main(argv, io) -> exit code. Parses the command name and hands over to the command module,
// loaded lazily so that a plain `lint` never loads the Docker client or the YAML parser.
import type { IO } from './io.js';
import { UserError } from './engine/types.js';
import { VERSION } from './version.js';
import { didYouMean } from './engine/did-you-mean.js';
import { terminalText } from './report/terminal.js';

export { VERSION };

const COMMANDS: Partial<Record<string, () => Promise<{ run(argv: string[], io: IO): Promise<number> }>>> = {
  lint: () => import('./commands/lint.js'),
  rules: () => import('./commands/rules.js'),
  image: () => import('./commands/image.js'),
  verify: () => import('./commands/verify.js'),
  migrate: () => import('./commands/migrate.js'),
  host: () => import('./commands/host.js'),
  init: () => import('./commands/init.js'),
};

export const USAGE = `Usage: tightship <command> [options]

Commands:
  lint PATH...        audit Dockerfiles, build contexts and compose files
  image INPUT         audit a built image (docker-save tar, OCI layout, or an image in the local engine)
  verify IMAGE        run an image on the local engine and prove its hardening claims
  verify --container NAME
                      check a running container
  host                audit the Docker host this runs on (daemon config, engine, socket, users)
  rules               list every rule (--format json | markdown)
  migrate hadolint    write the .tightship.yaml equivalent to .hadolint.yaml
  init [DIR]          write a hardened Dockerfile, .dockerignore and compose.yaml for the project

Options for every command:
  --help              the options of a command ('tightship lint --help')
  --version           print the version
  --debug             print stack traces of internal errors

Run 'tightship <command> --help' for the options of a command.
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, input or runtime error.
Docs: docs/configuration.md (config, ignores, levels), docs/formats.md, docs/rules/.
`;

export async function main(argv: string[], io: IO): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const name = args.at(0);
  const rest = args.slice(1);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    const guess = name.startsWith('-') ? null : didYouMean(name, Object.keys(COMMANDS));
    io.stderr(`tightship: unknown command '${terminalText(name)}'${guess ? ` (did you mean ${guess}?)` : ''}\nhint: run 'tightship --help' for the list of commands\n`);
    return 2;
  }
  try {
    const command = await load();
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UserError) {
      // messages name files and quote arguments: nothing in them may act on the terminal
      io.stderr(`tightship: ${terminalText(err.message)}\n${err.hint ? `hint: ${terminalText(err.hint)}\n` : ''}`);
      return 2;
    }
    io.stderr(`tightship: internal error: ${terminalText((err as Partial<Error> | null | undefined)?.message ?? String(err))}\n`);
    if (debug) io.stderr(`${(err as Partial<Error> | null | undefined)?.stack ?? ''}\n`);
    else io.stderr(`hint: run again with --debug for the stack trace\n`);
    return 2;
  }
}
