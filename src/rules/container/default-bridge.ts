// The container is attached to the default docker0 bridge.
import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'container/default-bridge',
  target: 'container',
  title: 'The container is not on the default docker0 bridge',
  severity: 'info',
  level: null,
  rationale:
    'Every container started without `--network` joins the default `bridge` network (docker0), where all of them ' +
    'can reach each other on every port (unless the daemon sets icc=false) and no name resolution separates ' +
    'projects. A user-defined network per application (compose creates one) or `--network none` for a service ' +
    'that needs none, as the course\'s hardened run does, keeps unrelated containers apart.',
  remediation: 'Run on a user-defined network (`docker network create app && docker run --network app …`), or with `--network none` when the service needs no network.',
  references: ['CIS Docker 5.29 (Ensure that Docker\'s default bridge "docker0" is not used)'],
  equivalents: { cis: ['5.29'], dockerBench: ['check_5_29'] },
  examples: { bad: '{"hostConfig":{"networkMode":"bridge","networkNone":false,"networks":["bridge"]}}', good: '{"hostConfig":{"networkMode":"app_default","networkNone":false,"networks":["app_default"]}}' },
  check(model, ctx) {
    if (model.hostConfig.networks.includes('bridge')) {
      ctx.report({ message: 'the container is attached to the default bridge network (docker0), shared with every container started without --network', location: { field: 'NetworkSettings.Networks' } });
    }
  },
});
