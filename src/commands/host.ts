// `tightship host`: audits the Docker host it runs on, read-only — the daemon configuration
// (daemon.json and dockerd's flags), the engine's /info and /version, the sockets, who may use
// them, TLS files under /etc/docker, the environment. Exit 0 clean, 1 findings at or above
// --fail-on, 2 usage or input error.
import * as path from 'node:path';
import type { IO } from '../io.js';
import { UserError } from '../engine/types.js';
import { exitCode } from '../engine/run.js';
import { allRules, catalogue } from '../rules/index.js';
import { VERSION } from '../version.js';
import { flagSet, flagValue, parseArgs, type FlagSpec } from './args.js';
import { loadConfig, resolveColor, resolveFormat, resolveFormatter, resolveOutput, sharedSpecs } from './options.js';
import { writeFileAtomic } from './output.js';

export const HOST_USAGE = `Usage: tightship host [options]

Audits the Docker host this runs on, read-only: the daemon configuration (daemon.json and the
dockerd command line from /proc), the engine (rootless, seccomp/AppArmor/SELinux/userns, cgroup
version, storage driver, runtime, version age) over the Engine API, the Docker and containerd
sockets (owner, group, mode) and the members of the socket's group, TLS certificate and key files
under /etc/docker, and DOCKER_CONTENT_TRUST / DOCKER_HOST. A check that cannot run (no permission,
no engine) is reported as "could not check", never as a pass. Run as root to check everything.

Options:
      --daemon-config FILE  audit FILE as daemon.json (default: dockerd's --config-file, else
                            /etc/docker/daemon.json)
      --socket PATH         the Docker socket (default: DOCKER_HOST's unix:// path, else
                            /var/run/docker.sock)
  -f, --format FORMAT       pretty (default) | json | sarif | github | gitlab | junit
                          | checkstyle | html   [env TIGHTSHIP_FORMAT]
  -o, --output FILE         write the report to FILE (atomically) instead of stdout
      --fail-on SEVERITY    exit 1 on findings at or above: error (default) | warning | info | none
  -c, --config FILE         use this config file instead of searching for .tightship.yaml
      --color, --no-color   colour in the pretty report (default: on a terminal only;
                            FORCE_COLOR=1 / NO_COLOR=1 do the same)
      --debug               print stack traces of internal errors
  -h, --help                show this help

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
`;

const SPECS: Record<string, FlagSpec> = {
  ...sharedSpecs('format', 'output', 'fail-on', 'config', 'help', 'color', 'no-color'),
  'daemon-config': { value: true },
  socket: { value: true },
};

export async function run(argv: string[], io: IO): Promise<number> {
  const args = parseArgs(argv, SPECS, 'host');
  if (flagSet(args, 'help')) {
    io.stdout(HOST_USAGE);
    return 0;
  }
  if (args.positional.length) throw new UserError(`unexpected argument '${args.positional[0]}'`, "tightship host audits the host it runs on; give daemon.json with --daemon-config FILE");
  const format = resolveFormat(args, io, 'host');
  const entries = catalogue();
  const config = await loadConfig(args, io, entries);
  const outputPath = await resolveOutput(args, io);
  const daemonConfig = flagValue(args, 'daemon-config');
  const today = new Date().toISOString().slice(0, 10);
  if (daemonConfig !== undefined) {
    const { statSync } = await import('node:fs');
    let st;
    try {
      st = statSync(path.resolve(io.cwd, daemonConfig));
    } catch {
      throw new UserError(`--daemon-config ${daemonConfig}: no such file`, 'give the path of a daemon.json');
    }
    if (st.isDirectory()) throw new UserError(`--daemon-config ${daemonConfig} is a directory`, 'give the path of a daemon.json');
  }
  const socket = flagValue(args, 'socket');

  const { loadHost } = await import('../targets/host/load.js');
  const { auditHost } = await import('../targets/host/audit.js');
  const loaded = await loadHost(io, {
    today,
    ...(daemonConfig !== undefined ? { daemonConfig } : {}),
    ...(socket !== undefined ? { socket: path.resolve(io.cwd, socket) } : {}),
  });
  const results = await auditHost(loaded, { cwd: io.cwd, config, rules: allRules, catalogue: entries, today });

  const color = resolveColor(args, io, outputPath);
  const sources: Record<string, string> = {};
  if (loaded.daemon.text) sources[loaded.daemon.path] = loaded.daemon.text;
  const report = (await resolveFormatter(format))(results, { toolVersion: VERSION, rules: entries, sources, color, failOn: () => config.failOn });
  if (outputPath) {
    await writeFileAtomic(outputPath, report);
    const n = results.reduce((s, r) => s + r.findings.length, 0);
    io.stderr(`tightship: wrote ${format} report of ${results.length} target(s), ${n} finding(s) to ${path.relative(io.cwd, outputPath) || outputPath}\n`);
  } else {
    io.stdout(report);
  }
  return exitCode(results, () => config.failOn);
}
