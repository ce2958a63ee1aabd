// What the e2e tests share: running a command without a shell, and the engine and base images
// they need (made by scripts/docker-setup.sh; no registry is reachable, so every base is local).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';

interface Ran { code: number; stdout: string; stderr: string }

export function sh(cmd: string, args: string[], opts: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<Ran> {
  return new Promise((res) => {
    execFile(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, timeout: opts.timeoutMs ?? 300_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      res({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

export async function must(cmd: string, args: string[], opts: Parameters<typeof sh>[2] = {}): Promise<string> {
  const r = await sh(cmd, args, opts);
  assert.equal(r.code, 0, `${cmd} ${args.join(' ')} failed (${r.code}):\n${r.stderr || r.stdout}`);
  return r.stdout;
}

const NODE_MAJOR = process.versions.node.split('.')[0] ?? '20';
/** The local stand-ins for the official node images (scripts/make-base-images.sh). */
export const LOCAL_IMAGES = {
  bookwormSlim: process.env.E2E_NODE_IMAGE ?? `local/node:${NODE_MAJOR}-bookworm-slim`,
  distroless: `local/node:${NODE_MAJOR}-distroless`,
  busybox: `local/node:${NODE_MAJOR}-busybox`,
};

/** Fails (never skips) when the engine or a base image is missing: the e2e suite is the proof. */
export async function requireEngine(images: string[]): Promise<void> {
  const info = await sh('docker', ['info', '--format', '{{.ServerVersion}}'], { timeoutMs: 20_000 });
  assert.equal(info.code, 0, `the Docker engine does not answer (${info.stderr.trim()}); run: sudo bash scripts/docker-setup.sh`);
  for (const image of images) {
    const r = await sh('docker', ['image', 'inspect', '--format', '{{.Id}}', image], { timeoutMs: 20_000 });
    assert.equal(r.code, 0, `base image ${image} is missing; run: sudo bash scripts/docker-setup.sh`);
  }
}

/** BuildKit (the /usr/bin/docker client has it built in), no network in the build. */
export function buildkit(args: string[], cwd?: string): Promise<string> {
  return must('/usr/bin/docker', ['build', '--network=none', ...args], { cwd, env: { DOCKER_BUILDKIT: '1' }, timeoutMs: 540_000 });
}

/** Removes images by tag; missing ones are fine. */
export async function removeImages(tags: string[]): Promise<void> {
  if (tags.length) await sh('docker', ['image', 'rm', '--force', ...tags], { timeoutMs: 60_000 });
}

/** A service that stays up as UID 10001 on the busybox node image, with the HEALTHCHECK given
 *  (default: one that passes every second): what the verify tests run. */
export function idleServiceDockerfile(healthcheck = 'HEALTHCHECK --interval=1s CMD ["node", "-e", "process.exit(0)"]'): string {
  return [`FROM ${LOCAL_IMAGES.busybox}`, 'USER 10001:10001', healthcheck, 'CMD ["node", "-e", "setInterval(() => {}, 1000)"]', ''].join('\n');
}
