import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/pipefail.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x | tar -xz\n' },
    { name: 'busybox ash', code: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -O- https://x | tar -xz\n' },
    { name: 'sh given -o pipefail (busybox sh supports it; dash would fail the build loudly)', code: 'FROM alpine:3.20\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN wget -O- https://x | tar -xz\n' },
    { name: 'set -o pipefail at the start', code: 'FROM debian:12\nRUN set -o pipefail && curl -fsSL https://x | tar -xz\n' },
    { name: 'set -euxo pipefail', code: 'FROM debian:12\nRUN set -euxo pipefail; \\\n    curl -fsSL https://x | tar -xz\n' },
    { name: 'bash -o pipefail -c wrapper', code: "FROM debian:12\nRUN bash -o pipefail -c 'curl -fsSL https://x | tar -xz'\n" },
    { name: 'echo and yes producers', code: 'FROM debian:12\nRUN echo "$SHA  f" | sha256sum -c - && yes | apt-get install x\n' },
    { name: 'SHELL inherited from the base stage', code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN curl -fsSL https://x | tar -xz\n' },
    { name: 'powershell', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-Content x | Out-File y\n' },
    { name: 'Windows base image (default shell cmd)', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command Get-ChildItem | Select-Object Name\n' },
    { name: 'no pipe', code: 'FROM debian:12\nRUN a || b\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN curl -fsSL https://x | tar -xz\n', errors: [{ line: 2, column: 5, endColumn: 9, message: 'curl | tar' }] },
    { name: 'SHELL without pipefail', code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN echo a && \\\n    cat f | grep x\n', errors: [{ line: 4, column: 5 }] },
    { name: 'set -o pipefail after the pipe', code: 'FROM debian:12\nRUN wget -O- https://x | tar -xz; set -o pipefail\n', errors: [{ line: 2, column: 5 }] },
    { name: 'exec form bash without pipefail', code: 'FROM debian:12\nRUN ["/bin/bash", "-c", "curl -fsSL https://x | tar -xz"]\n', errors: [{ line: 2 }] },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\nset -e\nls /x | sort\nEOF\n', errors: [{ line: 4, column: 1 }] },
    { name: 'sudo', code: 'FROM debian:12\nRUN sudo cat /etc/shadow | wc -l\n', errors: [{ line: 2 }] },
  ],
});
