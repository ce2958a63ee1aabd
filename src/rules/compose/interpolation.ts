import { defineRule } from '../../engine/types.js';
import { reportDiagnostics } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/interpolation',
  target: 'compose',
  title: 'Variables in the compose file are set or have defaults',
  severity: 'warning',
  level: null,
  rationale: 'An unset `${VAR}` becomes an empty string: a port, an image tag or a user silently changes meaning (`user: ${APP_UID}` becomes no user at all: root). `${VAR:?message}` makes docker compose stop when the variable is missing; a malformed `${…}` is an error, while a `$` that starts no variable (`$(cmd)`, `$1`) is kept as written, as compose keeps it. Only variable names are shown, never values, which may be secrets.',
  remediation: 'Set the variable in the `.env` beside the compose file, give a default with `${VAR:-value}`, require it with `${VAR:?message}`, or write `$$` for a literal dollar sign.',
  references: ['https://docs.docker.com/reference/compose-file/interpolation/'],
  equivalents: {},
  examples: { bad: 'services:\n  api:\n    image: nginx:${NGINX_TAG}\n', good: 'services:\n  api:\n    image: nginx:${NGINX_TAG:-1.27}\n' },
  check(model, ctx) {
    reportDiagnostics(model, ctx, ['interpolation']);
  },
});
