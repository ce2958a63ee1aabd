// The typed model of a Dockerfile. Plain data with source ranges; built by parse.ts.
import type { SourceRange } from '../../engine/types.js';
import type { ShellcheckFacts } from './shellcheck.js';
import type { PackageRun } from './packages.js';

export interface DockerfileModel {
  /** Relative POSIX path used in findings. */
  path: string;
  /** The whole text as read (BOM removed, line endings kept). */
  text: string;
  /** Parser directives at the top of the file. */
  directives: Directive[];
  /** The escape character in force ('\\' or '`'). */
  escape: string;
  /** Every instruction in order, globals included. */
  instructions: Instruction[];
  /** Every comment line (also those inside continuations), for suppressions. */
  comments: Comment[];
  /** FROM-delimited build stages, in order. */
  stages: Stage[];
  /** ARG instructions before the first FROM. */
  globalArgs: Instruction[];
  /** Problems that make (part of) the file unparseable; reported as findings by the engine. */
  parseErrors: ParseError[];
  /** Values given with --build-arg. */
  buildArgs: Record<string, string>;
  /** The stage named by the `target` option (as given), or null: the final stage is then the last one. */
  target: string | null;
  /** Derived facts about the final stage: the `target` stage when given, else the last one (what a
   *  plain `docker build` produces). */
  final: FinalFacts | null;
  /** Offset of the first character of each line: line n (1-based) starts at lineStarts[n - 1].
   *  A final newline starts one more, empty line. See positionAt / rangeAt in facts.ts. */
  lineStarts: number[];
  /** ShellCheck's findings on the RUN bodies and heredocs, when the audit ran it (the load step,
   *  audit.ts: rules do no I/O); absent when it was not run (--no-shellcheck, the rule off, a
   *  model built by the parser alone). */
  shellcheck?: ShellcheckFacts;
  /** Every RUN (and ONBUILD RUN trigger) that invokes a package manager or installer, in file order,
   *  with each invocation read once (packages.ts). */
  packages: PackageRun[];
  /** What the local engine says about the images the stages start from, read in the load step when
   *  lint runs with --inspect-images (inspect-base.ts); absent otherwise. */
  baseImages?: BaseImages;
}

export interface BaseImages {
  /** Today (YYYY-MM-DD): what the age of an image is measured from. */
  today: string;
  /** By the stage's resolvedImage: the image, or why it is not known (not in the engine, no engine). */
  images: Record<string, BaseImage | { unknown: string }>;
}

export interface BaseImage {
  /** The image config's `created` time as the engine gives it (RFC 3339); '' when it has none. */
  created: string;
  /** Bytes, as the engine counts them (the SIZE of `docker images`). */
  size: number;
  /** Every tag of the same repository the engine has (its own included: the variants), with its size. */
  variants: { tag: string; size: number }[];
}

export interface Directive {
  name: string; // lower-case: escape, syntax, check
  value: string;
  range: SourceRange;
}

export interface Comment {
  /** Text after '#', trimmed. */
  text: string;
  range: SourceRange;
}

export interface ParseError {
  message: string;
  range: SourceRange;
}

export interface Flag {
  /** Without leading dashes, lower-case: from, chown, chmod, mount, platform, network, link, … */
  name: string;
  /** null for a bare flag such as --link */
  value: string | null;
  range: SourceRange;
}

export interface Heredoc {
  /** Delimiter word without quotes or '-'. */
  delimiter: string;
  /** The body lines joined with '\n' (without the closing delimiter line). */
  body: string;
  /** false when the delimiter was quoted ('EOF' or "EOF"): no expansion in the body. */
  expand: boolean;
  /** true for <<- (leading tabs stripped). */
  stripTabs: boolean;
  /** Range of the body (the lines after the instruction up to and including the delimiter line). */
  range: SourceRange;
  /** Line number of the first body line. */
  bodyStartLine: number;
}

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, COPY, … (unknown keywords kept as written, upper-cased). */
  keyword: string;
  /** From the keyword to the end of the last continuation line (heredoc bodies included). */
  range: SourceRange;
  keywordRange: SourceRange;
  /** The source text of the whole instruction. */
  raw: string;
  flags: Flag[];
  /** Argument text after the flags, continuations joined with the escape+newline removed and
   *  comment lines inside continuations dropped. Heredoc bodies are not part of it. */
  args: string;
  argsRange: SourceRange;
  /** The arguments when written in JSON (exec) form, otherwise null. */
  json: string[] | null;
  /** Heredocs introduced by this instruction, in order. */
  heredocs: Heredoc[];
  /** Index of the stage the instruction belongs to, -1 before the first FROM. */
  stageIndex: number;
  /** args with ARG/ENV variables substituted as far as known (unknown variables stay as written). */
  expanded: string;
  /** The SHELL in force at the instruction: the last SHELL before it in its stage chain, else the
   *  platform default (["/bin/sh","-c"], or ["cmd","/S","/C"] in a Windows stage). Shared: do not mutate. */
  shell: readonly string[];
  /** The simple commands of a RUN, split once by the parser with sudo/env/exec/… and `sh -c`
   *  looked through ([] for other instructions, and for a RUN whose shell is not POSIX). */
  commands: ShellCommand[];
  /** For ONBUILD: the trigger instruction, parsed (same range and raw text as the ONBUILD; its
   *  keywordRange, flags and argsRange point into the ONBUILD line). Absent for other instructions
   *  and for triggers the builder rejects (a parse error). */
  trigger?: Instruction;
}

export interface ImageRef {
  /** As written after ARG substitution. */
  name: string;
  registry: string | null;
  /** e.g. library/node or node (as written, without registry) */
  repository: string;
  tag: string | null;
  digest: string | null;
}

export interface Stage {
  index: number;
  /** Lower-cased AS name, or null. */
  name: string | null;
  from: Instruction;
  /** The FROM image as written, e.g. ${NODE_IMAGE} */
  image: string;
  /** After ARG substitution (global ARGs and --build-arg). */
  resolvedImage: string;
  /** Parsed image reference; null when the FROM names an earlier stage, is scratch, or cannot be resolved. */
  ref: ImageRef | null;
  /** Index of the earlier stage the FROM names, or null. */
  baseStage: number | null;
  /** Index of the oldest stage of the FROM <stage> chain: the stage itself when it starts from an
   *  image or scratch. */
  root: number;
  /** true when the chain's root image is a Windows image (see isWindowsImage in facts.ts). */
  windows: boolean;
  isScratch: boolean;
  /** true when the image still contains an unresolved variable. */
  unresolved: boolean;
  platform: string | null;
  /** Instructions of this stage after FROM. */
  instructions: Instruction[];
  /** ENV and ARG values in force at the end of the stage (inherited from base stages for ENV). */
  env: Record<string, string>;
  args: Record<string, string>;
}

export interface UserFact {
  /** As written, e.g. ${APP_USER}:app */
  raw: string;
  /** After substitution. */
  value: string;
  /** The user part (before ':'), after substitution. */
  user: string;
  group: string | null;
  /** The USER instruction that set it; null when inherited or absent. */
  instruction: Instruction | null;
}

export interface FinalFacts {
  /** The stage the build produces: the `target` stage when given, else the last one. */
  stage: Stage;
  /** Its FROM <stage> chain, oldest first (chain[chain.length - 1] === stage). */
  chain: Stage[];
  /** The last USER in force in the final stage (following FROM <stage> chains); null when none. */
  user: UserFact | null;
  /** The SHELL in force (default ["/bin/sh","-c"]). */
  shell: string[];
  /** The last HEALTHCHECK in the final stage chain, or null. */
  healthcheck: Instruction | null;
  /** The final stage's base image, following FROM <stage> chains to an image; null for scratch. */
  baseImage: ImageRef | null;
  /** Number of stages in the build. */
  stageCount: number;
}

/** One simple command from a RUN body (or sh -c / heredoc script), for rules. */
export interface ShellCommand {
  /** argv[0] with any path stripped (e.g. /usr/bin/apt-get -> apt-get), or '' for assignments only. */
  name: string;
  /** Full argv with quotes and escapes resolved (argv[0] as written). */
  argv: string[];
  /** Where each argv word is in the Dockerfile text (aligned with argv): shell words, the string
   *  literals of the JSON form, words in backticks, heredoc scripts and `sh -c` scripts (through the
   *  script word's quotes and escapes); null where the word is not written in the Dockerfile (a
   *  script given as $'…', a script or command built at run time). */
  spans: (WordSpan | null)[];
  /** Leading VAR=value assignments. */
  assignments: string[];
  /** The command's own source text (best effort). */
  text: string;
  /** Prefix wrappers that were unwrapped to reach this command, e.g. ['sudo'] or ['sh -c']. */
  via: string[];
  /** The word that introduced each wrapper of `via` (aligned with it): argv[0] of the wrapping
   *  command as written (e.g. /usr/bin/sudo, sh) and where it is. */
  wrappers: Wrapper[];
  /** Operator that joins this command to the next one in its list: '&&', '||', ';', '|', '&', '\n' or null (last). */
  next: string | null;
  /** 1-based line in the Dockerfile where the command starts (best effort). */
  line: number;
}

/** A wrapper word dropped before a command (sudo, doas, env, exec, command, nohup, sh -c, xargs). */
export interface Wrapper {
  word: string;
  span: WordSpan | null;
  /** The wrapper's own words between it and the command it runs: options and their values,
   *  assignments (sudo -u app, env A=1, sh -e -c; not the script of sh -c). */
  args: string[];
}

/** A word's place in the Dockerfile text (offsets, end exclusive): a shell word as written (quotes
 *  included), or a string literal of the JSON form (its quotes included). */
export interface WordSpan {
  start: number;
  end: number;
  /** Offset where the word's value is written verbatim (after an opening quote; = start for a
   *  plain word); null when quotes or escapes change it. */
  value: number | null;
  /** An element of a JSON-form argv: text added after it is a new element (`, "-y"`). */
  json?: true;
}
