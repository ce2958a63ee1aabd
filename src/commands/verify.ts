// `tightship verify IMAGE` / `tightship verify --container NAME`: run (or find) a container on the
// local engine, prove its hardening claims from inside it, grade it with the container rules.
// Exit 0 clean, 1 findings at or above --fail-on, 2 usage, engine or start-up error.
import type { IO } from '../io.js';
import { UserError } from '../engine/types.js';
import { allRules, catalogue } from '../rules/index.js';
import { failsAt } from '../engine/run.js';
import { VERSION } from '../version.js';
import { flagSet, flagValue, flagValues, parseArgs, type FlagSpec } from './args.js';
import { writeFileAtomic } from './output.js';
import {
  DISPLAY_USAGE, displaySeverity, filterForDisplay, ignoredRules, loadConfig, withIgnoredRules, POLICY_SPECS, policyRequest, resolveColor, resolveFormat,
  resolveFormatter, resolveOutput, sharedSpecs,
} from './options.js';
import { terminalData, terminalText } from '../report/terminal.js';
import type { Profile, VerifyOptions } from '../targets/container/engine.js';
import { formatCheckRows } from '../targets/container/checks.js';
import { auditContainer } from '../targets/container/audit.js';

export const VERIFY_USAGE = `Usage: tightship verify IMAGE [options]
       tightship verify --container NAME_OR_ID [options]

Runs IMAGE on the local Docker engine (Engine API: /var/run/docker.sock or DOCKER_HOST) and proves
its hardening claims from inside the container: user, login shell, /etc/passwd and root filesystem
writability, /tmp, capabilities, NoNewPrivs, seccomp, health, an HTTP path, and the HostConfig.
The container is removed afterwards, also on error or Ctrl-C. Probes never change its files.
With --container, a running container is checked as it is (not stopped, not changed).

Options:
      --profile NAME      hardened (default): --read-only --tmpfs /tmp --cap-drop=ALL
                          --security-opt no-new-privileges --memory 256m --cpus 1 --pids-limit 128
                          as-is: the image's own defaults
      --container NAME    check a running container instead of running an image
      --http PATH         GET PATH and expect 200 (the port is published on 127.0.0.1 only)
      --port PORT         the container port for --http (default: the image's first EXPOSE)
      --timeout DURATION  longest wait for start and health: 60s (default), 2m, 500ms
      --name NAME         name of the container verify creates (default tightship-verify-<random>)
      --seccomp FILE      run the image under this seccomp profile and report whether it starts
                          and stays healthy (the profile is also checked as a file: profile/* rules)
  -f, --format FORMAT     pretty (default) | json | sarif | github | gitlab | junit
                          | checkstyle | html   [env TIGHTSHIP_FORMAT]
  -o, --output FILE       write the report to FILE (atomically) instead of stdout
      --fail-on SEVERITY  exit 1 on findings at or above: error (default) | warning | info | none
      --require-level L   exit 1 when the container is below L: nonroot | hardened
      --policy NAME       hold the container to a policy: dev | staging | prod, or one of .tightship.yaml
  -c, --config FILE       use this config file instead of searching for .tightship.yaml
${DISPLAY_USAGE}  -h, --help              show this help

Exit codes: 0 clean, 1 findings at or above --fail-on or a policy not met, 2 usage, engine or
start-up error.
`;

const SPECS: Record<string, FlagSpec> = {
  ...sharedSpecs('format', 'output', 'fail-on', 'config', 'help', 'color', 'no-color', 'quiet', 'severity', 'ignore-rule'),
  profile: { value: true },
  container: { value: true },
  http: { value: true },
  port: { value: true },
  timeout: { value: true },
  name: { value: true },
  seccomp: { value: true },
  'require-level': POLICY_SPECS['require-level'],
  policy: POLICY_SPECS.policy,
};

const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;

/** The docker stats snapshot as one line of evidence. */
export function formatStats(s: NonNullable<import('../targets/container/model.js').ContainerModel['stats']>): string {
  const mem = s.memoryLimitBytes ? `${mib(s.memoryBytes)} of ${mib(s.memoryLimitBytes)} (${((s.memoryBytes / s.memoryLimitBytes) * 100).toFixed(1)}%)` : `${mib(s.memoryBytes)} (no limit)`;
  const pids = s.pidsLimit ? `${s.pids} of ${s.pidsLimit}` : `${s.pids} (no limit)`;
  return `stats: memory ${mem}, CPU ${s.cpuPercent.toFixed(1)}%, pids ${pids}`;
}

/** "60s", "2m", "500ms", "90" (seconds) -> ms. */
export function parseDuration(text: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!m) throw new UserError(`${flag} '${text}' is not a duration`, 'e.g. 60s, 2m or 500ms');
  const n = Number(m[1]) * (m[2] === 'ms' ? 1 : m[2] === 'm' ? 60_000 : 1000);
  if (n <= 0 || n > 3_600_000) throw new UserError(`${flag} '${text}' is out of range`, 'give between 1ms and 60m');
  return n;
}

/** A one-line "waiting for …" display on a terminal; nothing on a pipe or in CI. */
function waitReporter(io: IO): { onWait: NonNullable<VerifyOptions['onWait']>; done: () => void } | null {
  if (!io.stderrIsTTY || (io.env.CI && io.env.CI !== 'false') || io.env.TIGHTSHIP_NO_PROGRESS) return null;
  let shown = false;
  return {
    onWait(what, elapsed, limit) {
      io.stderr(`\r\x1b[2Kwaiting for ${what}: ${(elapsed / 1000).toFixed(1)} s of ${(limit / 1000).toFixed(0)} s`);
      shown = true;
    },
    done() { if (shown) io.stderr('\r\x1b[2K'); },
  };
}

export async function run(argv: string[], io: IO): Promise<number> {
  const args = parseArgs(argv, SPECS, 'verify');
  if (flagSet(args, 'help')) {
    io.stdout(VERIFY_USAGE);
    return 0;
  }
  const containerRef = flagValue(args, 'container');
  if (containerRef !== undefined && args.positional.length) throw new UserError('give either an IMAGE or --container NAME, not both', "run 'tightship verify --help'");
  if (containerRef === undefined && args.positional.length !== 1) {
    throw new UserError(args.positional.length ? 'give one image' : 'no image given', "run 'tightship verify myapp:1.2' or 'tightship verify --container NAME'");
  }
  const profileFlag = flagValue(args, 'profile');
  if (profileFlag !== undefined && profileFlag !== 'hardened' && profileFlag !== 'as-is') {
    throw new UserError(`unknown profile '${profileFlag}'`, 'use --profile hardened or --profile as-is');
  }
  const seccompFlag = flagValue(args, 'seccomp');
  if (containerRef !== undefined && seccompFlag !== undefined) throw new UserError('--seccomp applies when verify runs an image, not with --container', 'a running container keeps the profile it was started with');
  if (containerRef !== undefined && (profileFlag !== undefined || flagValue(args, 'name') !== undefined)) {
    throw new UserError('--profile and --name apply when verify runs an image, not with --container', 'a running container is checked as it is');
  }
  const profile: Profile = profileFlag ?? 'hardened';
  const httpPath = flagValue(args, 'http');
  if (httpPath !== undefined && !httpPath.startsWith('/')) throw new UserError(`--http '${httpPath}' is not a path`, 'e.g. --http /health');
  const port = flagValue(args, 'port');
  if (port !== undefined && !/^\d{1,5}(\/(tcp|udp))?$/.test(port)) throw new UserError(`--port '${port}' is not a port`, 'e.g. --port 8000');
  const timeoutMs = parseDuration(flagValue(args, 'timeout') ?? '60s', '--timeout');
  const format = resolveFormat(args, io, 'verify');
  const formatter = await resolveFormatter(format);
  const entries = catalogue();
  const config = withIgnoredRules(await loadConfig(args, io, entries), ignoredRules(flagValues(args, 'ignore-rule'), entries));
  const outputPath = await resolveOutput(args, io); // checked before a container is started
  const color = resolveColor(args, io, outputPath);
  const severity = displaySeverity(args);
  const req = policyRequest(args);
  const { applyPolicy, defaultPolicy, withPolicy } = await import('../targets/scan/apply.js');
  defaultPolicy(req, config); // an unknown --policy fails before the container starts

  const { ContainerStartError } = await import('../targets/container/engine.js');
  // --seccomp: the profile file is checked, then the image runs under it
  let seccomp: { model: import('../targets/profile/model.js').ProfileModel } | null = null;
  if (seccompFlag !== undefined) {
    const path = await import('node:path');
    const { loadSeccompProfile } = await import('../targets/profile/load.js');
    const model = loadSeccompProfile(path.resolve(io.cwd, seccompFlag), io.cwd);
    if (model.text === null) throw new UserError(`--seccomp ${seccompFlag}: ${model.missing}`, 'give the path of a seccomp profile (JSON)');
    if (model.jsonProblems.length || !model.seccomp || model.seccomp.formatProblems.length) {
      const first = model.jsonProblems.at(0) ?? model.seccomp?.formatProblems.at(0);
      throw new UserError(`--seccomp ${seccompFlag} is not a seccomp profile in Docker's format${first ? `: ${first.message} (line ${first.range.start.line})` : ''}`, "run 'tightship lint FILE' for every problem of the profile");
    }
    seccomp = { model };
  }
  const progress = waitReporter(io);
  const name = flagValue(args, 'name');
  const opts: VerifyOptions = {
    profile, timeoutMs,
    ...(httpPath !== undefined ? { httpPath } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(progress ? { onWait: progress.onWait } : {}),
    ...(io.onInterrupt ? { onInterrupt: io.onInterrupt } : {}),
    ...(seccomp?.model.text ? { seccompProfile: seccomp.model.text } : {}),
  };
  let outcome = null as import('../targets/container/engine.js').VerifyOutcome | null; // set by onOutcome
  try {
    const { containerTarget } = await import('../targets/container/target.js');
    const input = containerRef !== undefined ? { container: containerRef } : { image: args.positional[0] };
    // throwUserErrors: a problem is thrown with its hint (one line, exit 2), never returned
    await containerTarget.load(io, input, { cwd: io.cwd, config, verify: opts, throwUserErrors: true, onOutcome: (o) => { outcome = o; } });
  } catch (err) {
    // under a profile, a container that does not start is the finding, not an error of verify
    if (!(seccomp && err instanceof ContainerStartError)) throw err;
    seccomp.model.run = { image: args.positional[0], started: false, healthy: null, error: err.message.replace(/^.*?: /, '') };
    outcome = null;
  } finally {
    progress?.done();
  }
  const results = [];
  let text = '';
  if (outcome) {
    const { model } = outcome;
    const { result, rows } = auditContainer(outcome, { config, rules: allRules, catalogue: entries });
    if (format === 'pretty') {
      const how = model.mode === 'image' ? `ran ${model.image.ref} with the ${model.profile} profile${seccompFlag !== undefined ? ` under seccomp profile ${seccompFlag}` : ''}` : `checked running container ${model.container.name}`;
      // the evidence is what the container printed: made inert before it reaches a terminal
      text += `verify: ${terminalText(how)}\n${formatCheckRows(terminalData(rows), color)}\n${model.stats ? `${formatStats(model.stats)}\n` : ''}\n`;
    }
    if (seccomp) seccomp.model.run = { image: model.image.ref, started: true, healthy: model.health.defined ? model.health.status === 'healthy' : null };
    results.push(result);
  } else if (format === 'pretty') {
    text += `verify: ${terminalText(args.positional[0])} does not start under seccomp profile ${seccompFlag}\n\n`;
  }
  if (seccomp) {
    const { auditProfile } = await import('../targets/profile/audit.js');
    const today = new Date().toISOString().slice(0, 10);
    const r = auditProfile(seccomp.model, { cwd: io.cwd, config, rules: allRules, catalogue: entries, today });
    r.facts = { ...r.facts, run: seccomp.model.run };
    results.push(r);
  }
  const sources: Record<string, string> = seccomp?.model.text ? { [seccomp.model.path]: seccomp.model.text } : {};
  const gated = await applyPolicy(results, req, { cwd: io.cwd, config, now: new Date().toISOString() });
  const shown = filterForDisplay(gated.results, severity);
  text += formatter(shown.results, {
    toolVersion: VERSION, rules: entries, sources, color, failOn: () => config.failOn,
    display: { severity, quiet: flagSet(args, 'quiet'), belowSeverity: shown.hidden },
    ...(gated.outcome ? { policy: gated.outcome } : {}),
  });
  if (outputPath) {
    await writeFileAtomic(outputPath, text);
    io.stderr(`tightship: wrote ${format} report of ${results.length} target(s), ${results.reduce((n, r) => n + r.findings.length, 0)} finding(s) to ${outputPath}\n`);
  } else {
    io.stdout(text);
  }
  return withPolicy(results.some((r) => failsAt(r.findings, config.failOn)) ? 1 : 0, gated.outcome);
}
