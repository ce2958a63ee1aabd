// The profile target's model: a seccomp profile (Docker's JSON format) or an AppArmor profile
// file, as named by a compose service, a `docker run --security-opt` or daemon.json, with what
// was found when it was read. Plain data; the checks in seccomp.ts are pure.
import type { Location, SourceRange } from '../../engine/types.js';
import type { JNode, JsonProblem } from '../daemon/json.js';

/** Where a profile was named (the compose key, the daemon.json key, the command line). */
export interface ProfileReference {
  /** 'compose security_opt', 'daemon.json seccomp-profile', 'docker run --security-opt', 'verify --seccomp' */
  via: string;
  location: Location;
  /** The value as written (seccomp=./profile.json). */
  value: string;
}

export interface SeccompRule {
  names: string[];
  action: string;
  /** true when the allow depends on arguments, capabilities or architectures (includes/excludes/args). */
  conditional: boolean;
  range: SourceRange;
}

export interface SeccompFacts {
  defaultAction: string | null;
  defaultActionRange: SourceRange | null;
  architectures: string[];
  /** The `archMap` entries' architectures (Docker's default profile lists them there). */
  archMap: string[];
  rules: SeccompRule[];
  /** Structural problems of Docker's profile format (a rule without an action…). */
  formatProblems: JsonProblem[];
}

export interface AppArmorFacts {
  /** Whether apparmor_parser was there to check the file. */
  parser: 'checked' | 'not-installed';
  /** The parser's errors, located where it said. */
  errors: { line: number; message: string }[];
}

export interface ProfileModel {
  kind: 'seccomp' | 'apparmor';
  /** Relative POSIX path of the profile file. */
  path: string;
  /** null when the file could not be read (`missing` says why). */
  text: string | null;
  /** Why the file could not be read (no such file, a directory, too large…). */
  missing?: string;
  referencedBy?: ProfileReference;
  /** seccomp: the located JSON and what it says; null when not JSON. */
  json: JNode | null;
  jsonProblems: JsonProblem[];
  seccomp: SeccompFacts | null;
  apparmor: AppArmorFacts | null;
  /** verify --seccomp: what happened when the image ran under the profile. */
  run?: { image: string; started: boolean; healthy: boolean | null; error?: string };
}
