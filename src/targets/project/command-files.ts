// Which files write shell command lines, by path (and shebang): what the command-line extractor
// (command-lines.ts) reads and what discovery hands the run target. No dependencies, so that
// discovery can ask without loading the extractor's YAML parser.
import type { CommandOrigin } from './types.js';

export type CommandFileKind = Exclude<CommandOrigin, 'shell'> | 'shell' | 'maybe-shell';

const SHELL_EXT = /\.(?:sh|bash|zsh)$/i;
const MAKEFILE = /^(?:GNUmakefile|[Mm]akefile)$|\.mk$/;
const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/i;
const ACTION = /(?:^|\/)action\.ya?ml$/i;
const GITLAB = /(?:^|\/)(?:\.gitlab-ci\.ya?ml|[^/]+\.gitlab-ci\.ya?ml)$/i;
const SYSTEMD = /\.(?:service|socket|timer)$/i;
const MARKDOWN = /\.(?:md|markdown)$/i;

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** What a file is by its path; 'maybe-shell' for a name without extension (read its shebang). */
export function commandFileKind(rel: string): CommandFileKind | null {
  const name = basename(rel);
  if (SHELL_EXT.test(name)) return 'shell';
  if (MAKEFILE.test(name)) return 'make';
  if (WORKFLOW.test(rel) || ACTION.test(rel)) return 'github-actions';
  if (GITLAB.test(rel)) return 'gitlab-ci';
  if (name === 'package.json') return 'package.json';
  if (SYSTEMD.test(name)) return 'systemd';
  if (MARKDOWN.test(name)) return 'markdown';
  if (!name.includes('.') && !/^(?:Dockerfile|Containerfile|LICENSE|README|CHANGELOG|AUTHORS|NOTICE|VERSION|CODEOWNERS)$/i.test(name)) return 'maybe-shell';
  return null;
}

const SHEBANG = /^#!\s*(?:\S*\/)?(?:env\s+(?:-\S+\s+)*)?(sh|bash|zsh|dash|ash|ksh)\b/;

export function hasShellShebang(text: string): boolean {
  return SHEBANG.test(text.slice(0, 200));
}
