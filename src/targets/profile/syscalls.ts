// The system-call lists the seccomp checks compare against. Our own lists, written from the
// behaviour of Docker's default profile (moby/profiles seccomp/default.json): what it never
// allows a container without extra capabilities, and what every process needs to start.

/** System calls Docker's default profile blocks (without CAP_SYS_ADMIN and friends): allowing
 *  one unconditionally reopens a kernel attack surface or a way out of the container. */
export const BLOCKED_BY_DEFAULT: ReadonlySet<string> = new Set([
  'acct', 'add_key', 'bpf', 'clock_settime', 'clock_settime64', 'create_module', 'delete_module',
  'fanotify_init', 'finit_module', 'fsconfig', 'fsmount', 'fsopen', 'fspick', 'get_kernel_syms', 'get_mempolicy',
  'init_module', 'ioperm', 'iopl', 'kcmp', 'kexec_file_load', 'kexec_load', 'keyctl', 'lookup_dcookie', 'mbind',
  'mount', 'mount_setattr', 'move_mount', 'nfsservctl', 'open_by_handle_at', 'open_tree',
  'perf_event_open', 'personality', 'pivot_root', 'process_vm_readv', 'process_vm_writev', 'ptrace', 'query_module',
  'quotactl', 'quotactl_fd', 'reboot', 'request_key', 'set_mempolicy', 'setdomainname', 'sethostname', 'setns',
  'settimeofday', 'stime', 'swapoff', 'swapon', 'sysfs', '_sysctl', 'umount', 'umount2', 'unshare', 'uselib',
  'userfaultfd', 'ustat', 'vm86', 'vm86old', 'vhangup',
]);

/** What a dynamically or statically linked process needs before main(): the runtime's execve,
 *  the loader's memory and file calls, signal return and exit. A profile that denies one of these
 *  starts nothing. */
export const NEEDED_TO_START: readonly string[] = [
  'execve', 'brk', 'mmap', 'mprotect', 'munmap', 'arch_prctl', 'exit', 'exit_group', 'rt_sigreturn',
  'rt_sigaction', 'rt_sigprocmask', 'read', 'write', 'close', 'fstat', 'openat', 'futex',
];

/** Alternatives: a profile that allows any one of a group has what that group is needed for. */
export const EQUIVALENT_GROUPS: readonly (readonly string[])[] = [
  ['fstat', 'newfstatat', 'fstat64', 'statx'],
  ['openat', 'open'],
  ['mmap', 'mmap2'],
  ['arch_prctl', 'set_tid_address', 'set_thread_area'],
];

/** Actions that refuse a call. */
export function isDenyAction(action: string | null): boolean {
  return action !== null && /^SCMP_ACT_(ERRNO|KILL|KILL_PROCESS|KILL_THREAD|TRAP)$/.test(action);
}
