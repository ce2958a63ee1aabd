import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/healthcheck-missing.js';

testRule(rule, {
  valid: [
    { code: 'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-fsS", "http://127.0.0.1/"]\n' },
    { code: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\n', name: 'scratch export stage' },
    { code: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD ["curl", "-fsS", "http://127.0.0.1/"]\nFROM base\nCOPY site /usr/share/nginx/html\n', name: 'inherited through FROM <stage>' },
    { code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n', name: 'NONE is healthcheck-none' },
  ],
  invalid: [
    { code: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n', errors: [{ line: 1, column: 6, message: 'curl in the nginx image' }],
      output: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\nHEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD curl -fsS http://127.0.0.1:80/ || exit 1\n' },
    { code: 'FROM golang:1.23 AS build\nHEALTHCHECK CMD ["true"]\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n', errors: [{ line: 3, column: 6, message: 'give /app a health subcommand' }], name: 'healthcheck only in a build stage; scratch service (a Go binary, no shell)',
      output: 'FROM golang:1.23 AS build\nHEALTHCHECK CMD ["true"]\nFROM scratch\nCOPY --from=build /app /app\nHEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD ["/app", "healthcheck"]\nENTRYPOINT ["/app"]\n' },
    { code: 'ARG BASE=nginx:1.27-alpine\nFROM ${BASE}\nEXPOSE 8081\n', errors: [{ line: 2, column: 6, message: 'wget' }], name: 'ARG-resolved base',
      output: 'ARG BASE=nginx:1.27-alpine\nFROM ${BASE}\nEXPOSE 8081\nHEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD wget -q --spider http://127.0.0.1:8081/ || exit 1\n' },
    { code: 'FROM python:3.12-slim\nCOPY . /app\nEXPOSE 8000\nCMD ["gunicorn", "app:app"]\n', errors: [{ line: 1, message: 'python in the image' }], name: 'python: urllib, no curl needed',
      output: 'FROM python:3.12-slim\nCOPY . /app\nEXPOSE 8000\nHEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen(\'http://127.0.0.1:8000/\', timeout=2).status < 400 else 1)"]\nCMD ["gunicorn", "app:app"]\n' },
    { code: 'FROM node:22-bookworm-slim\nEXPOSE 3000\nCMD ["node", "server.js"]\n', errors: [{ line: 1, message: 'node in the image' }], name: 'node: fetch',
      output: 'FROM node:22-bookworm-slim\nEXPOSE 3000\nHEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD ["node", "-e", "fetch(\'http://127.0.0.1:3000/\').then(r => { process.exitCode = r.ok ? 0 : 1; }, () => { process.exitCode = 1; })"]\nCMD ["node", "server.js"]\n' },
    { code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nCMD ["/srv/app"]\n', errors: [{ line: 1, message: 'curl, which the image installs' }], name: 'curl installed by the file',
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nHEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD curl -fsS http://127.0.0.1:8080/ || exit 1\nCMD ["/srv/app"]\n' },
    { code: 'FROM debian:12-slim\nRUN xargs -r apt-get install -y curl < /tmp/extra.txt\nCMD ["/srv/app"]\n', errors: [{ line: 1, message: 'curl, which the image installs' }], name: 'curl installed through xargs',
      output: 'FROM debian:12-slim\nRUN xargs -r apt-get install -y curl < /tmp/extra.txt\nHEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD curl -fsS http://127.0.0.1:8080/ || exit 1\nCMD ["/srv/app"]\n' },
    { code: 'FROM debian:12-slim\nCOPY server /usr/local/bin/server\nCMD ["/usr/local/bin/server"]\n', errors: [{ line: 1, message: 'no known HTTP client' }], name: 'no client: the program checks itself',
      output: 'FROM debian:12-slim\nCOPY server /usr/local/bin/server\nHEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD /usr/local/bin/server --health || exit 1\nCMD ["/usr/local/bin/server"]\n' },
  ],
});
