// The typed model of a build context as one Dockerfile uses it: which ignore file applies, which
// files each COPY/ADD sends into the image, and what was found in them. Plain data, built by
// build.ts (the walk) from a file system view; rules read it and never touch the disk.
import type { DockerfileModel, Instruction } from '../dockerfile/model.js';
import type { SecretHit, SecretPathKind } from '../../secrets/detect.js';
import type { GitignoreHit } from './gitignore.js';
import type { IgnoreProblem, IgnoreRule } from './ignore.js';

export interface ContextModel {
  /** The context folder relative to the working directory (POSIX; '.' for the cwd itself). */
  path: string;
  /** The Dockerfile whose COPY/ADD instructions were resolved. */
  dockerfile: DockerfileModel;
  /** The Dockerfile's path relative to the working directory, for locations. */
  dockerfilePath: string;
  /** The ignore file in force, or null when there is none. */
  ignoreFile: IgnoreFileInfo | null;
  /** One entry per COPY/ADD instruction that reads from the context, in file order. */
  copies: ContextCopy[];
  /** Every entry some COPY/ADD sends, sorted by path. */
  files: ContextFile[];
  /** Directories the walk could not list (their content is unknown). */
  unreadableDirs: { relPath: string; displayPath: string; error: string }[];
  /** Content larger than this (bytes) is not scanned. */
  scanSizeLimit: number;
}

export interface IgnoreFileInfo {
  /** Path relative to the working directory. */
  path: string;
  /** 'dockerfile': `<Dockerfile name>.dockerignore` beside the Dockerfile (BuildKit prefers it);
   *  'context': `.dockerignore` at the context root. */
  kind: 'dockerfile' | 'context';
  rules: IgnoreRule[];
  /** Patterns Docker refuses: the build fails before it starts. */
  problems: IgnoreProblem[];
}

export type SourceKind = 'context' | 'url' | 'git' | 'heredoc' | 'unresolved';

export interface CopyMatch {
  /** Path inside the context of the file or directory the source names or its wildcard matched. */
  relPath: string;
  type: 'file' | 'dir' | 'symlink' | 'other';
  /** true when the source names this path literally (no wildcard). */
  literal: boolean;
}

export interface CopySource {
  /** The source after ARG/ENV substitution, as written in the instruction. */
  text: string;
  kind: SourceKind;
  /** Contains *, ? or [ (Go filepath.Match wildcards). */
  wildcard: boolean;
  /** What the source matched (a directory match sends its contents). Empty when nothing matched. */
  matches: CopyMatch[];
  /** Context paths of every file (and symlink) this source sends. */
  files: string[];
  /** Why a literal source sends nothing: it does not exist, or .dockerignore excludes it. */
  missing?: {
    reason: 'not-found' | 'excluded' | 'symlink-loop';
    by?: IgnoreRule;
    /** For a source not found: the repository's .gitignore line that ignores it (the project
     *  generates it before the build). */
    gitignored?: GitignoreHit;
  };
}

export interface ContextCopy {
  instruction: Instruction;
  keyword: 'COPY' | 'ADD';
  /** The stage the instruction is in and whether that stage ends up in the final image. */
  stageIndex: number;
  inFinalImage: boolean;
  sources: CopySource[];
  /** true when a source is the whole context (`.`, `./`, `/`). */
  wholeContext: boolean;
}

export type ScanState =
  /** Content read and scanned. */
  | 'scanned'
  /** Larger than scanSizeLimit: not read. */
  | 'too-large'
  /** Read, but binary: only the name was checked. */
  | 'binary'
  /** Could not be read (error says why). */
  | 'unreadable'
  /** A symlink (copied as a link, never followed) or a special file (FIFO, socket, device). */
  | 'not-a-file';

export interface ContextFile {
  /** Path inside the context (POSIX, no leading './'). */
  relPath: string;
  /** Path relative to the working directory, for locations. */
  displayPath: string;
  type: 'file' | 'symlink' | 'other';
  size: number;
  /** For symlinks: the link text, and whether it points outside the context. */
  linkTarget?: string;
  linkEscapes?: boolean;
  scan: ScanState;
  /** e.g. EACCES when unreadable. */
  error?: string;
  /** What the name says (id_rsa, *.p12, .npmrc …), or null. */
  pathKind: SecretPathKind | null;
  /** Secrets found in the content. */
  hits: SecretHit[];
  /** Indexes into ContextModel.copies of the instructions that send this file. */
  copiedBy: number[];
}
