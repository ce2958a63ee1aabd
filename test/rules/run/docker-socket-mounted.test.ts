import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/docker-socket-mounted.js';

testRule(rule, {
  valid: [
    { code: "docker run -v data:/data nginx:1.27\n" },
    { code: "docker run --mount type=volume,source=sock,target=/var/run/docker.sock nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run -v /var/run/docker.sock:/var/run/docker.sock:ro nginx:1.27\n", errors: [{ line: 1, column: 12, message: "/var/run/docker.sock" }] },
    { code: "docker run --mount type=bind,src=/run/podman/podman.sock,dst=/sock nginx:1.27\n", errors: [{ line: 1, column: 12 }] },
    { code: "docker run --use-api-socket docker:27-cli docker ps\n", errors: [{ line: 1, column: 12 }] },
  ],
});
