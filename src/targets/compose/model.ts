// The typed model of a compose target. Owned by the compose auditor; fleshed out with its rules.
export interface ComposeModel {
  /** Relative POSIX path (or reference) used in findings. */
  path: string;
}
