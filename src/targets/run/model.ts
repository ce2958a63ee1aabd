// The model of the `run` target: the container command lines (`docker run`, `docker create`,
// `docker container run|create`, `podman run`, `nerdctl run`, `docker service create`) a project
// writes down, each read with the CLI's own flag table. Plain data with 1-based positions.
import type { CommandOrigin, Note } from '../project/types.js';

/** A place in the file: 1-based, end column exclusive. */
export interface Place {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One flag as written, with its value (null for a boolean written without `=value`). */
export interface RunFlag {
  /** The documented long name (aliases resolved): 'cap-add', 'memory', 'rm'. */
  name: string;
  /** As written: '--cap-add=NET_ADMIN', '-p', '-itd' (a cluster holds several flags). */
  written: string;
  value: string | null;
  /** Where the flag is (its word). */
  at: Place;
  /** true when the value holds a shell or make variable or a CI expression: not known here. */
  unresolved: boolean;
}

export interface UnknownFlag {
  written: string;
  at: Place;
  /** The word after it, when the flag has no `=value` and that word is not a flag: it is either the flag's value or the image. */
  next: string | null;
}

export type RunVerb = 'run' | 'create' | 'service create';

export interface RunCommand {
  /** The file (relative POSIX) and the place of the engine word (`docker`). */
  file: string;
  at: Place;
  engine: string;
  verb: RunVerb;
  /** `docker run` as written, for messages ('docker container run', 'sudo podman run'). */
  written: string;
  origin: CommandOrigin;
  where?: string;
  flags: RunFlag[];
  unknown: UnknownFlag[];
  /** The image word; null when there is none or when an unknown flag makes its position uncertain. */
  image: { value: string; at: Place; unresolved: boolean } | null;
  /** Set when an unknown flag might have taken the word read as the image: the two candidates. */
  imageUncertain: { flag: string; candidates: string[] } | null;
  /** The command and its arguments after the image. */
  command: string[];
}

export interface RunModel {
  /** The file (relative POSIX). */
  path: string;
  text: string;
  commands: RunCommand[];
  /** Why some of the file could not be read (unclosed quote, heredoc, fence; a Makefile recipe with spaces). */
  notes: Note[];
}
