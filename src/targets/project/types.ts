// The build map's data: how the project really builds each image (which Dockerfile, context,
// target stage, build args, named contexts and ignore file), where that was read, and the notes
// about builds that could not be used. Plain data; paths are POSIX and relative to the project root
// ('.' is the root itself).

/** Where a build was read, in order of authority (first wins when two describe the same build). */
export type BuildSource = 'config' | 'compose' | 'bake' | 'workflow' | 'script' | 'cli' | 'guess';

export const SOURCE_ORDER: readonly BuildSource[] = ['cli', 'config', 'compose', 'bake', 'workflow', 'script', 'guess'];

export interface Build {
  /** The Dockerfile, relative to the root. For an inline Dockerfile (compose `dockerfile_inline`): the compose file. */
  dockerfile: string;
  /** The build context folder, relative to the root. */
  context: string;
  /** The stage built (`--target`), when one is named. */
  target?: string;
  /** Build args as given (values unresolved when the source left them so). */
  args: Record<string, string>;
  /** Named contexts: name → a folder relative to the root, or the value as written when it is not a
   *  local folder (`docker-image://…`, `target:…`, `service:…`, a URL). */
  namedContexts: Record<string, string>;
  /** The ignore file that applies (`<Dockerfile>.dockerignore` beside the Dockerfile wins over the
   *  context's `.dockerignore`), or absent when there is none. */
  ignoreFile?: string;
  source: BuildSource;
  /** The file that describes this build, and the 1-based line. */
  file: string;
  line: number;
  /** compose `dockerfile_inline`: the Dockerfile text (then `dockerfile` names the compose file). */
  inline?: string;
  /** The image name or service/target the source gives this build (compose service, bake target, tag). */
  name?: string;
  /** Other places that describe the same build (same Dockerfile, context, target, args and contexts). */
  alsoIn?: { source: BuildSource; file: string; line: number }[];
  /** For a guessed context: why that folder. */
  reason?: string;
  /** Where the build writes its result (bake `output`), when the source says. */
  output?: string[];
}

/** Why a build's outputs make no runnable image (only the build cache, or files exported to a
 *  folder or a tar), or null when one of them is an image (or an output cannot be read). */
export function imagelessOutput(output: readonly string[] | undefined): string | null {
  if (!output?.length) return null;
  const kinds: string[] = [];
  for (const o of output) {
    if (o.includes('${')) return null;
    const fields = o.split(',').map((f) => f.trim());
    const type = fields.find((f) => f.startsWith('type='))?.slice(5).toLowerCase();
    // without type=, a value is a destination: a folder (local), or `-` (a tar on stdout)
    const kind = type ?? (fields.every((f) => !f.includes('=')) ? (o === '-' ? 'tar' : 'local') : null);
    if (kind !== 'cacheonly' && kind !== 'local' && kind !== 'tar') return null;
    kinds.push(kind);
  }
  return `output type=${[...new Set(kinds)].join(', type=')}`;
}

export interface Note {
  file: string;
  line: number;
  column?: number;
  message: string;
}

export interface BuildMap {
  builds: Build[];
  notes: Note[];
  /** Dockerfiles no build names whose guessed build (source 'guess') is not in `builds` yet: it
   *  is made when the Dockerfile is audited (guess.ts takeGuess), from the parse its audit uses,
   *  instead of every Dockerfile of the tree being parsed for its guess before any audit. */
  unguessed?: Set<string>;
}

/** One shell command found in a project file. */
export interface CommandLine {
  /** The file it is written in (relative POSIX path) and the 1-based position of its first word. */
  file: string;
  line: number;
  column: number;
  /** argv with quotes resolved; `$(VAR)` make references and `${{ … }}` expressions kept as written. */
  argv: string[];
  /** argv[0] without its path. */
  name: string;
  /** Where each argv word starts in the file (1-based), when the splitter could place them. */
  words?: { line: number; column: number }[];
  /** Leading VAR=value assignments. */
  assignments: string[];
  /** Wrappers unwrapped to reach the command (sudo, env, sh -c, …). */
  via: string[];
  /** What kind of file it was found in. */
  origin: CommandOrigin;
  /** The folder the command runs in when the file says so (make: the Makefile's folder; a
   *  workflow step's working-directory; package.json: its folder), relative to the root. */
  cwd?: string;
  /** Where in the file (make target, workflow job/step, package.json script name, fence). */
  where?: string;
}

export type CommandOrigin = 'shell' | 'make' | 'github-actions' | 'gitlab-ci' | 'package.json' | 'systemd' | 'markdown';

export interface CommandLines {
  commands: CommandLine[];
  notes: Note[];
}

/** A project file for the extractors: relative POSIX path and text. */
export interface ProjectFile {
  path: string;
  text: string;
}
