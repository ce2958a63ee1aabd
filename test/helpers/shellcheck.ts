// Whether the real ShellCheck can run here: tests that need it skip, with this reason, only when
// the binary is absent (CI installs it with scripts/install-tools.sh).
import { spawnSync } from 'node:child_process';

export const SHELLCHECK_MISSING: string | false = spawnSync('shellcheck', ['--version'], { stdio: 'ignore' }).error
  ? 'shellcheck is not installed (apt-get install shellcheck; CI installs it with scripts/install-tools.sh)'
  : false;
