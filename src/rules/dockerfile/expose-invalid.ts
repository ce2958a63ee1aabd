import { defineRule } from '../../engine/types.js';
import { exposeEntries } from './util/expose.js';

const PROTOCOLS = ['tcp', 'udp', 'sctp'];

export default defineRule({
  id: 'dockerfile/expose-invalid',
  target: 'dockerfile',
  title: 'EXPOSE with an invalid port',
  severity: 'error',
  level: null,
  breaksBuild: true,
  rationale:
    'EXPOSE takes container ports: `port`, `port/protocol` or a range `from-to[/protocol]`, with ports 1–65535 ' +
    'and protocol tcp, udp or sctp. Anything else fails the build or is ignored: a port above 65535, a reversed ' +
    'range, an unknown protocol, or a host mapping such as `8080:80` or `127.0.0.1:80:80` (publishing is decided ' +
    'at run time with -p, never in the image; BuildKit warns and will make it an error). Values are checked ' +
    'after ARG/ENV substitution; unresolved variables are skipped. An upper-case protocol works but is ' +
    'reported as a warning, as BuildKit does.',
  remediation: 'Write container ports only, e.g. `EXPOSE 8000` or `EXPOSE 5353/udp`, and publish them at run time (`docker run -p 127.0.0.1:8080:8000`).',
  references: [
    'https://docs.docker.com/reference/dockerfile/#expose',
    'https://docs.docker.com/reference/build-checks/expose-invalid-format/',
    'https://docs.docker.com/reference/build-checks/expose-proto-casing/',
  ],
  equivalents: {
    hadolint: ['DL3011'],
    trivy: ['DS-0008'],
    kics: ['UNIX Ports Out Of Range'],
    buildkit: ['ExposeInvalidFormat', 'ExposeProtoCasing'],
  },
  examples: {
    bad: 'FROM nginx:1.27\nEXPOSE 8080:80\n',
    good: 'FROM nginx:1.27\nEXPOSE 80\n',
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'EXPOSE') continue;
      for (const e of exposeEntries(model, instr)) {
        if (e.unresolved) continue;
        const shown = e.text !== e.value ? `${e.text} (= ${e.value})` : e.text;
        if (e.value.includes(':')) {
          ctx.report({ message: `EXPOSE ${shown} maps a host port or IP; EXPOSE takes container ports only — publish with -p at run time.`, range: e.range });
          continue;
        }
        const p = e.port;
        if (!p) {
          ctx.report({ message: `EXPOSE ${shown} is not a port, a port/protocol or a port range.`, range: e.range });
          continue;
        }
        const bad = [p.from, p.to].find((n) => n < 1 || n > 65535);
        if (bad !== undefined) {
          ctx.report({ message: `EXPOSE ${shown}: port ${bad} is outside 1–65535.`, range: e.range });
        } else if (p.from > p.to) {
          ctx.report({ message: `EXPOSE ${shown}: the range starts after it ends.`, range: e.range });
        } else if (p.proto !== null && !PROTOCOLS.includes(p.proto.toLowerCase())) {
          ctx.report({ message: `EXPOSE ${shown}: protocol "${p.proto}" is not tcp, udp or sctp.`, range: e.range });
        } else if (p.proto !== null && p.proto !== p.proto.toLowerCase()) {
          ctx.report({ message: `EXPOSE ${shown}: write the protocol in lower case (${p.proto.toLowerCase()}).`, range: e.range, severity: 'warning' });
        }
      }
    }
  },
});
