// Core types shared by targets, rules, the engine and the formatters.
// Models are plain data; rules are pure checks over them (see docs/architecture.md).
// The engine imports no target: each target adds its model to TargetModels by declaration
// merging, in src/targets/<kind>/target.ts.

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The three levels of the seed course, from worst to best. */
export type Level = 'root' | 'nonroot' | 'hardened';
export const LEVELS: readonly Level[] = ['root', 'nonroot', 'hardened'];

/** The level a rule guards: a finding of a 'nonroot' rule keeps the target at 'root';
 *  a finding of a 'hardened' rule keeps it at 'nonroot'; null rules do not affect the level. */
export type RuleLevel = 'nonroot' | 'hardened' | null;

/** The model each kind of target hands to its rules, by kind. Empty here: every target adds
 *  its own entry from its folder (src/targets/<kind>/target.ts):
 *
 *    declare module '../../engine/types.js' { interface TargetModels { dockerfile: DockerfileModel } }
 *
 *  so the engine names no target, and `defineRule({ target: 'dockerfile', … })` still types
 *  its check's model. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TargetModels {}

export type TargetKind = Extract<keyof TargetModels, string>;

/** 1-based line and column (columns count UTF-16 code units), 0-based offset into the text. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** End is exclusive. */
export interface SourceRange {
  start: Position;
  end: Position;
}

export interface Location {
  /** Relative POSIX path of the file (or the image input) the finding is in. */
  path: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  /** Compose: dotted YAML path, e.g. services.api.cap_drop */
  yamlPath?: string;
  /** Image: path inside the image filesystem, e.g. /usr/bin/su */
  imagePath?: string;
  /** Image: config field, e.g. config.User */
  field?: string;
  /** Image: the layer that holds it. */
  layer?: { index: number; createdBy?: string };
}

/** A text edit on the file the finding is in; offsets are into the original text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  description: string;
  edits: Edit[];
  /** Safe fixes apply with --fix; the others are suggestions only. */
  safe: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  location: Location;
  /** Other places that explain the finding (e.g. the COPY line that sends a secret file). */
  related?: { message: string; location: Location }[];
  fix?: Fix;
  /** The located text holds a secret: formatters never show its source lines (code frames). */
  sensitive?: boolean;
  /** The raw secret values this finding found, for the report's redaction step
   *  (src/secrets/redact.ts). Never printed: formatters do not read this field. */
  secrets?: string[];
  /** A finer id inside the rule (ShellCheck's SC2086 for dockerfile/shellcheck): inline ignores
   *  may name it in place of the rule id. */
  code?: string;
}

// a type, not an interface: Object.entries() then sees string[] | undefined values
export type Equivalents = {
  hadolint?: string[];
  trivy?: string[];
  checkov?: string[];
  kics?: string[];
  dockle?: string[];
  buildkit?: string[];
  cis?: string[];
  /** docker-bench-security's check functions (check_2_7): the CIS Docker Benchmark ids it tests. */
  dockerBench?: string[];
};

export interface RuleExamples {
  /** A snippet that this rule flags. */
  bad: string;
  /** The same snippet, corrected: this rule does not flag it. */
  good: string;
  /** Options the examples are meant for (merged over the rule's defaults), e.g. a policy rule
   *  whose default reports nothing. */
  options?: Record<string, unknown>;
}

/** Minimal JSON-schema subset used for rule options (validated with ajv at config load). */
export type JsonSchema = Record<string, unknown>;

export interface RuleMeta<O = Record<string, never>> {
  /** kebab-case, namespaced by target: dockerfile/last-user-not-root */
  id: string;
  target: TargetKind;
  title: string;
  severity: Severity;
  level: RuleLevel;
  rationale: string;
  remediation: string;
  references: string[];
  equivalents: Equivalents;
  examples: RuleExamples;
  /** Options: defaults and a JSON schema of the options object. */
  options?: { defaults: O; schema: JsonSchema };
  /** 'safe' when the rule can offer fixes applied by --fix; 'suggestion' when fixes are never applied automatically. */
  fixable?: 'safe' | 'suggestion';
  /** An error finding of this rule means the builder would reject the input: the target is
   *  not graded (level null, with a levelReason). */
  breaksBuild?: boolean;
  /** The rule judges the container the built image starts (its user): it is not run for a build
   *  that makes no image (a bake target with `output=type=cacheonly`, a local export). */
  judgesImage?: boolean;
  /** The finer ids (`Finding.code`) the rule's findings carry, as a RegExp source matching a whole
   *  code (`SC\\d{4}`): an inline ignore naming such a code is honoured for that code only. */
  codes?: string;
}

export interface ReportDescriptor {
  message: string;
  /** Where in the file; for models without text (image, container) give location fields instead. */
  range?: SourceRange;
  location?: Partial<Location>;
  related?: { message: string; location: Location }[];
  fix?: Fix;
  /** Override of the rule's default severity for this one finding (e.g. a usual setuid binary is info). */
  severity?: Severity;
  /** The located text holds a secret: formatters never show its source lines. */
  sensitive?: boolean;
  /** The raw secret values found, for the report's redaction step (src/secrets/redact.ts);
   *  never printed. */
  secrets?: string[];
  /** See Finding.code. */
  code?: string;
}

export interface RuleContext<O> {
  /** The path findings default to (relative POSIX). */
  path: string;
  options: O;
  report(descriptor: ReportDescriptor): void;
}

/** A rule over a model of type M. The engine runs rules of any model it is given. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- O is invariant (RuleContext<O>): only any admits a list of rules of every options type
export interface ModelRule<M, O = any> extends RuleMeta<O> {
  check(model: M, context: RuleContext<O>): void;
}

/** A rule of a registered target kind (its model looked up in TargetModels). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- O is invariant (RuleContext<O>): only any admits a list of rules of every options type
export interface Rule<T extends TargetKind = TargetKind, O = any> extends ModelRule<TargetModels[T], O> {
  target: T;
}

export function defineRule<T extends TargetKind, O = Record<string, never>>(rule: Rule<T, O>): Rule<T, O> {
  return rule;
}

/** One audited thing: a Dockerfile, a compose service, an image, a container. */
export interface TargetRef {
  kind: TargetKind;
  path: string;
  service?: string;
  image?: string;
  /** The line the target starts at, when one file holds several (a command line). */
  line?: number;
  /** A Dockerfile: the build context it was audited with (relative POSIX path, '.' for the cwd). */
  context?: string;
  /** How that context was known: compose | bake | workflow | script | config | cli | guess. */
  contextSource?: string;
  /** A Dockerfile: the stage built (`--target`), when the build names one; it is graded as the final stage. */
  stage?: string;
}

/** A finding a reasoned inline ignore suppressed: a risk the team accepted, still shown beside the level. */
export interface AcceptedRisk {
  ruleId: string;
  reason: string;
  /** Where the ignore comment is. */
  location: Location;
}

export interface TargetResult {
  target: TargetRef;
  /** null when the target is not graded: it could not be read, or it would not build (levelReason). */
  level: Level | null;
  /** Why level is null although the target was audited, e.g. "does not build: …". */
  levelReason?: string;
  /** Ignores with a reason that suppressed findings: the risks the team accepted (absent when none). */
  acceptedRisks?: AcceptedRisk[];
  /** Rule ids whose findings keep this target from the next level. */
  missingForNextLevel: string[];
  findings: Finding[];
  /** Set when the target could not be read or parsed at all. */
  error?: string;
  /** Facts a formatter may show (e.g. verify evidence, image size); never secrets. */
  facts?: Record<string, unknown>;
  /** Lines about how the target was audited (a guessed build context and why, a last stage
   *  built only for tests); absent when none. */
  notes?: string[];
}

/** A user-caused problem: rendered as one line plus a hint, exit code 2. */
export class UserError extends Error {
  constructor(message: string, public readonly hint?: string) {
    super(message);
    this.name = 'UserError';
  }
}
