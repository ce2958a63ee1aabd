// The typed model of a container target. Owned by the container auditor; fleshed out with its rules.
export interface ContainerModel {
  /** Relative POSIX path (or reference) used in findings. */
  path: string;
}
