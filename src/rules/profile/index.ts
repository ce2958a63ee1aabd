// The profile rules (seccomp and AppArmor profile files).
import type { Rule } from '../../engine/types.js';
import apparmorNotChecked from './apparmor-not-checked.js';
import architecturesMissing from './architectures-missing.js';
import blockedSyscallAllowed from './blocked-syscall-allowed.js';
import defaultAllow from './default-allow.js';
import fileMissing from './file-missing.js';
import invalid from './invalid.js';
import runFailed from './run-failed.js';
import startupSyscallsDenied from './startup-syscalls-denied.js';

export const profileRules: readonly Rule[] = [apparmorNotChecked, architecturesMissing, blockedSyscallAllowed, defaultAllow, fileMissing, invalid, runFailed, startupSyscallsDenied] as Rule[];
