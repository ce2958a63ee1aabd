# tightship's own image: the CLI and its production dependencies, nothing else. It needs no shell,
# no network and no writable file system at run time:
#   docker build -t tightship .
#   docker run --rm --read-only -v "$PWD:/src:ro" tightship lint /src
#
# Base images are build arguments whose defaults are real images pinned by digest
# (node:22-bookworm-slim, multi-platform index). The runtime stage runs no command, so any image
# with node on PATH serves, a distroless one included (--build-arg RUNTIME_IMAGE=<image>).
# npm reads npm_config_* build arguments: --build-arg npm_config_offline=true builds from an npm
# cache already in the builder (the cache mount below) without any network.
ARG BUILD_IMAGE=node:22-bookworm-slim@sha256:48e4b67d85f87bd551df43704e24d252f56cc5f8e9718841aace50f19948f0f9
ARG RUNTIME_IMAGE=node:22-bookworm-slim@sha256:48e4b67d85f87bd551df43704e24d252f56cc5f8e9718841aace50f19948f0f9

# Stage 1: install from the lockfile with the development tools whatever NODE_ENV the base sets (no install scripts: nothing is compiled, ssh2 uses its
# JavaScript crypto), build the bin as `npm run build` does (tsc, then scripts/bundle.mjs: the
# one-file bundle and its loader), then drop the sources, the compiled modules and the
# development dependencies.
FROM ${BUILD_IMAGE} AS build
ARG npm_config_offline=false
WORKDIR /opt/tightship
COPY package.json package-lock.json ./
RUN --mount=type=cache,id=tightship-npm,target=/root/.npm,sharing=locked \
    npm ci --include=dev --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/bundle.mjs ./scripts/
# The rule examples hold the first line of a made-up OpenSSH key (no key material): the sources
# stay in this stage only, the runtime gets the bundle.
# tightship ignore=context/private-key-copied -- a rule example's placeholder key header, not a key; build stage only
COPY src/ ./src/
RUN node_modules/.bin/tsc -p . \
 && node scripts/bundle.mjs \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf src scripts tsconfig.json dist/src dist/.tsbuildinfo node_modules/.package-lock.json \
 && node dist/bin/cli.js --version

# Stage 2: the runtime. No RUN: the files are owned by root (read-only to the process), which
# runs as a fixed non-root UID that needs no passwd entry.
FROM ${RUNTIME_IMAGE} AS runtime
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="tightship" \
      org.opencontainers.image.description="Audit Dockerfiles, build contexts, compose files, images and containers against container-hardening practice" \
      org.opencontainers.image.source="https://github.com/tightship/tightship" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.version="${VERSION}"
ENV NODE_ENV=production
COPY --from=build --chown=root:root /opt/tightship /opt/tightship
WORKDIR /src
USER 10001:10001
# A one-shot command rather than a service: the check proves the CLI starts (node is the only tool here).
HEALTHCHECK --interval=30s --timeout=5s --retries=1 CMD ["node", "/opt/tightship/dist/bin/cli.js", "--version"]
ENTRYPOINT ["node", "/opt/tightship/dist/bin/cli.js"]
CMD ["lint", "/src"]
