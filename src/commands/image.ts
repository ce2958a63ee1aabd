// `tightship image INPUT`: read a docker-save tar, an OCI layout (directory or tar) or an image
// of the local engine, audit it, report like lint. Exit 0 clean, 1 findings at or above
// --fail-on, 2 usage or input error.
import * as path from 'node:path';
import type { IO } from '../io.js';
import type { TargetResult } from '../engine/types.js';
import { UserError } from '../engine/types.js';
import { exitCode } from '../engine/run.js';
import { allRules, catalogue } from '../rules/index.js';
import { VERSION } from '../version.js';
import { flagSet, flagValue, flagValues, parseArgs, type FlagSpec } from './args.js';
import {
  DISPLAY_USAGE, displaySeverity, filterForDisplay, ignoredRules, loadConfig, POLICY_SPECS, POLICY_USAGE, policyRequest, resolveColor,
  resolveFormat, resolveFormatter, resolveOutput, sharedSpecs, withIgnoredRules,
} from './options.js';
import { applyPolicy, defaultPolicy, withPolicy } from '../targets/scan/apply.js';
import { writeFileAtomic } from './output.js';
import { terminalText } from '../report/terminal.js';
import { auditImage } from '../targets/image/audit.js';
import { fmtBytes } from '../targets/image/layer-scan.js';
import type { Progress } from '../targets/image/readers.js';

export const IMAGE_USAGE = `Usage: tightship image INPUT [options]

Audits a built image without running it. INPUT is
  a docker-save tar            docker save -o app.tar myapp:1.2 && tightship image app.tar
  an OCI image layout          a directory with index.json and blobs/, or its tar
  an image in the local engine myapp:1.2 (read over the Engine API's export stream)
Layers are read once and never extracted (a tar on disk by seeking: only the headers and
the files the audit looks into); nothing is written to disk.

Options:
  -f, --format FORMAT     pretty (default) | json | sarif | github | gitlab | junit
                        | checkstyle | html | cyclonedx   [env TIGHTSHIP_FORMAT]
  -o, --output FILE       write the report to FILE (atomically) instead of stdout
      --fail-on SEVERITY  exit 1 on findings at or above: error (default) | warning | info | none
                          (with --format cyclonedx the exit code is 0 unless --fail-on is given)
      --platform OS/ARCH  the platform to audit in a multi-platform index (default: this machine's)
      --image NAME        the image to audit in a tar that holds several
      --all               audit every image of such a tar
      --no-verify         skip the layer digest check (sha256 of every layer); faster, but
                          a tampered layer goes unnoticed
      --key FILE          verify the image's cosign signatures in an OCI layout with this
                          public key (cosign.pub), offline; without it, signatures are only found
${POLICY_USAGE}  -c, --config FILE       use this config file instead of searching for .tightship.yaml
${DISPLAY_USAGE}      --debug             print stack traces of internal errors
  -h, --help              show this help

Exit codes: 0 clean, 1 findings at or above --fail-on or a policy not met, 2 usage or input error.
`;

const SPECS: Record<string, FlagSpec> = {
  ...sharedSpecs('format', 'output', 'fail-on', 'config', 'help', 'color', 'no-color', 'quiet', 'severity', 'ignore-rule'),
  platform: { value: true },
  image: { value: true },
  all: {},
  'no-verify': {},
  key: { value: true },
  ...POLICY_SPECS,
};

/** A one-line progress display on a terminal; silent on a pipe and in CI. */
export function progressReporter(io: IO, label: string): { update: (p: Progress) => void; done: () => void } | null {
  if (!io.stderrIsTTY || (io.env.CI && io.env.CI !== 'false') || io.env.TIGHTSHIP_NO_PROGRESS) return null;
  let last = 0;
  let shown = false;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const of = p.total ? ` of ${fmtBytes(p.total)} (${Math.min(100, Math.floor((p.read / p.total) * 100))}%)` : '';
      // the current entry is a path inside the image: made inert before it reaches the terminal
      io.stderr(`\r\x1b[2Kreading ${terminalText(label)}: ${fmtBytes(p.read)}${of} — ${terminalText(p.current.slice(0, 40))}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr('\r\x1b[2K');
    },
  };
}

export async function run(argv: string[], io: IO): Promise<number> {
  const args = parseArgs(argv, SPECS, 'image');
  if (flagSet(args, 'help')) {
    io.stdout(IMAGE_USAGE);
    return 0;
  }
  if (args.positional.length !== 1) {
    throw new UserError(args.positional.length ? 'give one image input' : 'no image given', "run 'tightship image app.tar' (docker save output), 'tightship image ./oci-layout' or 'tightship image myapp:1.2'");
  }
  const input = args.positional[0];
  const format = resolveFormat(args, io, 'image');
  const image = flagValue(args, 'image');
  if (flagSet(args, 'all') && image !== undefined) throw new UserError('--image and --all exclude each other', 'pick one image with --image NAME, or every image with --all');
  const platform = flagValue(args, 'platform');
  if (platform !== undefined && !/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(platform)) {
    throw new UserError(`--platform '${platform}' is not os/arch[/variant]`, 'e.g. --platform linux/amd64 or linux/arm64/v8');
  }

  const entries = catalogue();
  const config = withIgnoredRules(await loadConfig(args, io, entries), ignoredRules(flagValues(args, 'ignore-rule'), entries));
  const outputPath = await resolveOutput(args, io);
  const color = resolveColor(args, io, outputPath);
  const severity = displaySeverity(args);
  const req = policyRequest(args);
  defaultPolicy(req, config); // an unknown --policy fails before any work

  const keyFile = flagValue(args, 'key');
  const signatureKey = keyFile !== undefined ? await (await import('../targets/image/signature.js')).readCosignKey(keyFile, io.cwd) : undefined;
  const progress = progressReporter(io, input);
  let results: TargetResult[];
  try {
    results = await auditImage(input, {
      cwd: io.cwd, config, rules: allRules, inventory: format === 'cyclonedx',
      // pretty on the terminal: an unreadable input is one line and a hint (exit 2); the
      // machine formats carry it as the result's error instead
      throwReadErrors: format === 'pretty' && !outputPath,
      ...(platform ? { platform } : {}),
      ...(image !== undefined ? { image } : {}),
      ...(flagSet(args, 'all') ? { all: true } : {}),
      ...(flagSet(args, 'no-verify') ? { verify: false } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
      ...(signatureKey ? { signatureKey } : {}),
    }, io);
  } finally {
    progress?.done();
  }
  const gated = await applyPolicy(results, req, { cwd: io.cwd, config, now: new Date().toISOString() });
  results = gated.results;
  const formatter = await resolveFormatter(format);
  const shown = filterForDisplay(results, severity);
  const report = formatter(shown.results, {
    toolVersion: VERSION, rules: entries, sources: {}, color, failOn: () => config.failOn,
    display: { severity, quiet: flagSet(args, 'quiet'), belowSeverity: shown.hidden },
    ...(gated.outcome ? { policy: gated.outcome } : {}),
  });
  if (outputPath) {
    await writeFileAtomic(outputPath, report);
    const n = shown.results.reduce((s, r) => s + r.findings.length, 0);
    io.stderr(`tightship: wrote ${format} report of ${results.length} image(s), ${n} finding(s) to ${path.relative(io.cwd, outputPath) || outputPath}\n`);
  } else {
    io.stdout(report);
  }
  // an SBOM is an inventory, not a verdict: its exit code follows the findings only with --fail-on
  if (format === 'cyclonedx' && flagValue(args, 'fail-on') === undefined) return withPolicy(results.some((r) => r.error) ? 2 : 0, gated.outcome);
  return withPolicy(exitCode(results, () => config.failOn), gated.outcome);
}
