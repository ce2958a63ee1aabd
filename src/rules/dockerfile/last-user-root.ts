import { defineRule } from '../../engine/types.js';
import { chainInstructions, chainRoot } from './util/stages.js';
import type { ImageRef } from '../../targets/dockerfile/model.js';
import { fromImageRange } from './util/ranges.js';
import { hasUnresolved } from './util/values.js';
import { isRootUser } from './util/users.js';
import { isWindowsStage } from '../../targets/dockerfile/facts.js';

// Docker Official Images whose Dockerfile sets no USER: a container of one of them starts as root
// for sure. Others (a project's own base, a vendor image, a variable) may set a user the file
// cannot show, so a missing USER over them is a warning, not an error. Official images that do
// set a user (haproxy, elasticsearch, kibana, logstash, solr, sonarqube, odoo, kong, jetty…) are
// not in the list.
const ROOT_OFFICIAL = new Set([
  'alpine', 'debian', 'ubuntu', 'fedora', 'centos', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux', 'archlinux',
  'busybox', 'buildpack-deps', 'bash', 'node', 'python', 'pypy', 'golang', 'rust', 'ruby', 'php', 'perl', 'openjdk',
  'eclipse-temurin', 'amazoncorretto', 'ibm-semeru-runtimes', 'sapmachine', 'maven', 'gradle', 'erlang', 'elixir',
  'haskell', 'julia', 'swift', 'clojure', 'gcc', 'r-base', 'mono', 'dart', 'nginx', 'httpd', 'tomcat', 'redis',
  'postgres', 'mysql', 'mariadb', 'mongo', 'memcached', 'rabbitmq', 'composer', 'wordpress', 'drupal', 'joomla',
  'nextcloud', 'ghost', 'traefik', 'caddy', 'registry', 'docker', 'influxdb', 'telegraf', 'nats', 'eclipse-mosquitto',
  'cassandra', 'couchdb', 'adminer', 'phpmyadmin', 'matomo', 'redmine', 'mediawiki', 'varnish', 'httpd', 'postfixadmin',
]);

/** The base image runs as root for sure: an official image of the list above, a Microsoft .NET
 *  image, or a distroless image other than its nonroot variant. */
function knownRootImage(ref: ImageRef): boolean {
  const registry = ref.registry?.toLowerCase() ?? null;
  const repo = ref.repository.toLowerCase();
  if (registry === null || registry === 'docker.io' || registry === 'index.docker.io') {
    return ROOT_OFFICIAL.has(repo.replace(/^library\//, ''));
  }
  if (registry === 'mcr.microsoft.com' && repo.startsWith('dotnet/')) return true;
  if (registry === 'gcr.io' && repo.startsWith('distroless/')) return true;
  return false;
}

const PRIVILEGE_DROP = /\b(gosu|su-exec|setpriv|runuser|s6-setuidgid|setuidgid|chpst)\b/;

export default defineRule({
  id: 'dockerfile/last-user-root',
  target: 'dockerfile',
  title: 'The final stage runs as root',
  severity: 'error',
  level: 'nonroot',
  judgesImage: true,
  rationale:
    'The container starts as the last USER of the final stage (following FROM <stage> chains). Without a USER, ' +
    'or with USER root / 0 / 0:0 (also through an ARG or ENV that resolves to it), the process runs as UID 0: a ' +
    'compromise of the application is a compromise of root in the container, which can write /etc/passwd, every ' +
    'file of the image, and is one kernel or runtime bug away from root on the host. Build stages may use root; ' +
    'only the stage that produces the image matters. A base image documented to run as non-root (a tag containing ' +
    '"nonroot", such as distroless :nonroot) counts as non-root when the Dockerfile sets no USER. A missing USER is an ' +
    'error when the image the chain starts from is known to run as root (a Docker Official Image that sets no USER, a ' +
    '.NET or distroless image, scratch) and a warning over any other base image, which may set a user the file cannot ' +
    'show. A scratch image with no CMD, ENTRYPOINT or RUN holds files only (a bundle, a build output) and is not flagged. Images whose ' +
    'entrypoint drops privileges (gosu, su-exec, setpriv) still start as root and are still flagged; the message ' +
    'says so. On Windows, ContainerAdministrator counts as root; Nano Server images, which run as ContainerUser ' +
    'by default, are not flagged for a missing USER.',
  remediation:
    'Create a dedicated user with a fixed UID (e.g. `RUN useradd --system --uid 10001 --no-create-home ' +
    '--shell /usr/sbin/nologin app`) and end the final stage with `USER 10001` (or `USER app`). Keep root only ' +
    'for the build steps that need it, before the USER instruction.',
  references: [
    'CIS Docker Benchmark 4.1 (Ensure that a user for the container has been created)',
    'https://docs.docker.com/reference/dockerfile/#user',
    'https://docs.docker.com/build/building/best-practices/#user',
  ],
  equivalents: {
    hadolint: ['DL3002'],
    trivy: ['DS-0002'],
    checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8'],
    kics: ["Last User Is 'root'", 'Missing User Instruction'],
    dockle: ['CIS-DI-0001'],
    cis: ['4.1'],
  },
  examples: {
    bad: 'FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
    good:
      'FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY . .\n' +
      'RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin app\n' +
      'USER 10001\nCMD ["node", "server.js"]\n',
  },
  check(model, ctx) {
    const final = model.final;
    if (!final) return;
    const user = final.user;
    // the note of a finding (made only when there is one): the first privilege-dropping tool the chain names
    const noteOf = (): string => {
      for (const i of chainInstructions(model, final.stage)) {
        const drop = PRIVILEGE_DROP.exec(i.raw)?.[1];
        if (drop) return ` The image installs or calls ${drop}, so the entrypoint may drop privileges later — the container still starts as root, and everything before the drop runs as root.`;
      }
      return '';
    };
    const windows = isWindowsStage(model, final.stage);
    if (!user) {
      if (final.baseImage && /nonroot/i.test(final.baseImage.tag ?? '')) return;
      const root = chainRoot(model, final.stage);
      const chain = chainInstructions(model, final.stage);
      const fromScratch = root.ref === null && root.baseStage === null && root.resolvedImage.trim().toLowerCase() === 'scratch';
      // a scratch image of files only (an operator bundle, a build output exported with
      // --output): no command, nothing runs in it
      if (fromScratch && !chain.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT' || i.keyword === 'RUN')) return;
      // Nano Server images run as ContainerUser by default; Server Core ones as ContainerAdministrator
      if (windows && final.baseImage && /nanoserver/i.test(final.baseImage.repository)) return;
      // sure only when the image the chain starts from is known to run as root (or is scratch)
      const sure = windows || fromScratch || (final.baseImage !== null && knownRootImage(final.baseImage));
      const base = final.baseImage?.name ?? root.resolvedImage;
      ctx.report({
        message: windows
          ? 'The final stage sets no USER, so the container runs as ContainerAdministrator unless the base image sets a user; add USER ContainerUser.'
          : sure
            ? `The final stage sets no USER and ${fromScratch ? 'a scratch image has no user but root' : `${base} runs as root`}, so the container runs as root; add USER with a non-root UID.${noteOf()}`
            : `The final stage sets no USER, so the container runs as root unless the base image ${base} sets a user (it cannot be seen from this file); add USER with a non-root UID.${noteOf()}`,
        range: fromImageRange(model, final.stage),
        ...(sure ? {} : { severity: 'warning' as const }),
      });
      return;
    }
    if (!user.user || hasUnresolved(user.user) || !isRootUser(user.user)) return;
    const shown = user.raw !== user.value ? `USER ${user.raw} resolves to ${user.value}` : `USER ${user.raw}`;
    ctx.report({
      message: `The final stage runs as root (${shown}); switch to a non-root user before the end of the stage.${noteOf()}`,
      range: user.instruction ? user.instruction.argsRange : fromImageRange(model, final.stage),
    });
  },
});
