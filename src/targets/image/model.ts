// The typed model of a image target. Owned by the image auditor; fleshed out with its rules.
export interface ImageModel {
  /** Relative POSIX path (or reference) used in findings. */
  path: string;
}
