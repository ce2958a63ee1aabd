import { defineRule } from '../../engine/types.js';
import { get } from '../../targets/compose/model.js';
import { itemPath, reportNode } from '../../targets/compose/rule-helpers.js';
import { SOCKET } from './docker-socket-mounted.js';

// Which host paths are sensitive, by what the container gets through them:
// - a system tree as a whole (/, /etc, /usr, /var, /run, /home …): the host's configuration,
//   programs or every user's files. A folder below one is usually the application's own data
//   (/etc/pihole, /usr/share/appdata/x, /var/lib/grafana) and is not reported.
// - kernel and device interfaces, where anything below is as sensitive as the top: /proc,
//   /sys, /dev, /boot, kernel modules and sources (/lib/modules, /usr/src: the host loads and
//   builds from them). Read-only, a file below is routine (/sys/fs/cgroup:ro for a monitor).
// - credentials and control files of the host, exact or below, read-only included (they leak
//   secrets): /root, a user's home, /etc/shadow, SSH host keys, engine and kubelet state.
// - files that change the host when written (accounts, sudo, cron, systemd, PAM, the loader):
//   writable only; a read-only /etc/passwd for the host's user names is routine.
const SYSTEM_TREES = new Set(['/', '/etc', '/usr', '/usr/local', '/usr/lib', '/usr/bin', '/usr/sbin', '/lib', '/lib64', '/bin', '/sbin', '/var', '/var/lib', '/var/run', '/run', '/home', '/opt', '/srv', '/mnt']);
const KERNEL = ['/proc', '/sys', '/dev', '/boot', '/lib/modules', '/usr/lib/modules', '/usr/src'];
const SECRETS = ['/root', '/etc/shadow', '/etc/gshadow', '/etc/ssh', '/etc/ssl/private', '/etc/kubernetes', '/etc/docker', '/etc/containerd', '/var/lib/docker', '/var/lib/containerd', '/var/lib/kubelet', '/run/secrets', '/run/dbus', '/var/run/dbus'];
const HOST_CONTROL = ['/etc/passwd', '/etc/group', '/etc/sudoers', '/etc/sudoers.d', '/etc/crontab', '/etc/cron.d', '/etc/cron.daily', '/etc/cron.hourly', '/etc/systemd', '/etc/pam.d', '/etc/security', '/etc/ld.so.preload', '/etc/ld.so.conf', '/etc/ld.so.conf.d', '/etc/profile.d', '/etc/init.d', '/var/spool/cron'];
const HOME_SECRETS = /^\/home\/[^/]+(\/\.(ssh|aws|docker|kube|gnupg|config\/gcloud)(\/.*)?)?$/;

const at = (list: readonly string[], p: string) => list.find((s) => p === s || p.startsWith(`${s}/`));

/** How a bind-mounted host path is sensitive: 'always' (reported read-only too), 'writable'
 *  (only when writable), or null (not sensitive). Exported for the run target. */
export function hostPathSensitivity(src: string, readOnly: boolean): { what: string; reportReadOnly: boolean } | null {
  if (SYSTEM_TREES.has(src)) return { what: 'a system tree', reportReadOnly: true };
  const kernel = at(KERNEL, src);
  if (kernel) return { what: 'a kernel or device interface', reportReadOnly: src === kernel };
  if (at(SECRETS, src) || HOME_SECRETS.test(src)) return { what: 'host credentials', reportReadOnly: true };
  if (!readOnly && at(HOST_CONTROL, src)) return { what: 'a file that controls the host', reportReadOnly: false };
  return null;
}

export default defineRule({
  id: 'compose/sensitive-host-path',
  target: 'compose',
  title: 'Services do not mount sensitive host paths',
  severity: 'error',
  level: 'hardened',
  rationale: 'A bind mount of a whole system tree (/, /etc, /usr, /var, /home), of a kernel or device interface (/proc, /sys, /dev, /boot, /lib/modules, /usr/src), of host credentials (/root, /etc/shadow, /etc/ssh, /var/lib/docker, a user\'s ~/.ssh) or, writable, of a file that controls the host (/etc/passwd, sudoers, cron, systemd units) hands the container the host\'s configuration, secrets or kernel; writable, it lets the container change the host (add a user, a cron job, a kernel module). Read-only, credentials still leak. A folder below a system tree that is an application\'s own data (/etc/pihole, /var/lib/grafana) is not reported.',
  remediation: 'Mount only the specific file or directory the service needs, read-only (`:ro`), or use a named volume.',
  references: ['CIS Docker Benchmark 5.5', 'https://docs.docker.com/engine/storage/bind-mounts/'],
  equivalents: { kics: ['Volume Has Sensitive Host Directory'], cis: ['5.5'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    volumes: ["/etc:/host/etc"]\n', good: 'services:\n  api:\n    image: nginx:1.27\n    volumes: ["./conf/nginx.conf:/etc/nginx/nginx.conf:ro"]\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const list = get(svc.node, 'volumes');
      for (const v of svc.volumes) {
        if (v.type !== 'bind' || !v.source || !v.source.startsWith('/')) continue;
        const src = v.source.length > 1 ? v.source.replace(/\/+$/, '') : v.source;
        if (SOCKET.test(src)) continue; // compose/docker-socket-mounted
        const hit = hostPathSensitivity(src, v.readOnly);
        if (!hit || (v.readOnly && !hit.reportReadOnly)) continue;
        const path = itemPath(svc, 'volumes', v.node, list);
        if (v.readOnly) reportNode(ctx, v.node, path, `service ${svc.name} mounts the host's ${src} (read-only; ${hit.what})`, 'warning');
        else reportNode(ctx, v.node, path, `service ${svc.name} mounts the host's ${src} writable (${hit.what})`);
      }
    }
  },
});
