// The typed model of a context target. Owned by the context auditor; fleshed out with its rules.
export interface ContextModel {
  /** Relative POSIX path (or reference) used in findings. */
  path: string;
}
