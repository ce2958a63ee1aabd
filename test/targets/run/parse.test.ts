// The run command reader against Docker's CLI rules: clusters, `=`, separate values, repeatable
// flags, booleans that take no value, `--`, the engine's own options, the subcommand forms, the
// image and the command, unknown flags and variables (never guessed), and word positions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runModelOf } from '../../../src/targets/run/audit.js';
import { runPosture } from '../../../src/targets/run/posture.js';
import type { RunCommand } from '../../../src/targets/run/model.js';

function one(script: string, file = 'deploy.sh'): RunCommand {
  const m = runModelOf(file, script);
  assert.equal(m.commands.length, 1, `one run command in ${JSON.stringify(script)}, got ${m.commands.length}`);
  return m.commands[0];
}

const flags = (c: RunCommand) => c.flags.map((f) => (f.value === null ? f.name : `${f.name}=${f.value}`));

describe('flag syntax', () => {
  const table: [string, string[], string | null, string[]][] = [
    ['docker run -itd nginx:1.27', ['interactive', 'tty', 'detach'], 'nginx:1.27', []],
    ['docker run -p8080:80 nginx:1.27', ['publish=8080:80'], 'nginx:1.27', []],
    ['docker run -itp 8080:80 nginx:1.27 sh -c "echo hi"', ['interactive', 'tty', 'publish=8080:80'], 'nginx:1.27', ['sh', '-c', 'echo hi']],
    ['docker run -e=A=1 -eB=2 -e C=3 nginx:1.27', ['env=A=1', 'env=B=2', 'env=C=3'], 'nginx:1.27', []],
    ['docker run --memory=512m --memory-swap 512m nginx:1.27', ['memory=512m', 'memory-swap=512m'], 'nginx:1.27', []],
    ['docker run --rm --read-only --privileged=false --init alpine:3.20 id', ['rm', 'read-only', 'privileged=false', 'init'], 'alpine:3.20', ['id']],
    ['docker run --cap-add NET_ADMIN --cap-add=SYS_TIME busybox', ['cap-add=NET_ADMIN', 'cap-add=SYS_TIME'], 'busybox', []],
    ['docker run --net=host busybox', ['network=host'], 'busybox', []],
    ['docker run --rm -- busybox --help', ['rm'], 'busybox', ['--help']],
    ['docker run busybox -v /x:/y', [], 'busybox', ['-v', '/x:/y']],
    ['docker -H ssh://deploy@host --context prod run -d web:2', ['detach'], 'web:2', []],
    ['docker container run -u 1000 web:2', ['user=1000'], 'web:2', []],
    ['docker container create --name x web:2', ['name=x'], 'web:2', []],
    ['nerdctl run --rm web:2', ['rm'], 'web:2', []],
    ['docker service create --limit-memory 256M --replicas 2 -p 8080:80 web:2', ['limit-memory=256M', 'replicas=2', 'publish=8080:80'], 'web:2', []],
  ];
  for (const [script, want, image, command] of table) {
    it(script, () => {
      const c = one(`${script}\n`);
      assert.deepEqual(flags(c), want);
      assert.equal(c.image?.value ?? null, image);
      assert.deepEqual(c.command, command);
      assert.equal(c.unknown.length, 0);
      assert.equal(c.imageUncertain, null);
    });
  }

  it('is not a run line: other subcommands, other programs', () => {
    for (const s of ['docker build -t x .', 'docker ps', 'docker compose run web', 'echo docker run x', 'docker exec -it x sh', 'podman service create x']) {
      assert.equal(runModelOf('a.sh', `${s}\n`).commands.length, 0, s);
    }
  });

  it('unwraps sudo, env and sh -c as the shell splitter does', () => {
    const c = one("sudo env FOO=1 sh -c 'docker run --privileged busybox'\n");
    assert.deepEqual(flags(c), ['privileged']);
    assert.equal(c.written, 'sudo docker run');
    assert.equal(c.flags[0].at.column, 34, 'the flag inside the quoted sh -c word');
  });
});

describe('unknown flags and variables are never guessed', () => {
  it('an unknown flag followed by a flag takes no value', () => {
    const c = one('docker run --frob --rm busybox\n');
    assert.deepEqual(c.unknown.map((u) => [u.written, u.next]), [['--frob', null]]);
    assert.equal(c.image?.value, 'busybox');
    assert.equal(c.imageUncertain, null);
  });
  it('an unknown flag with =value carries its own value', () => {
    const c = one('docker run --frob=1 busybox\n');
    assert.equal(c.imageUncertain, null);
    assert.equal(c.image?.value, 'busybox');
  });
  it('an unknown flag followed by a word: the image is uncertain, both candidates named', () => {
    const c = one('docker run --frob x busybox id\n');
    assert.deepEqual(c.imageUncertain, { flag: '--frob', candidates: ['x', 'busybox'] });
    assert.equal(runPosture(c).image, null, 'no image judged');
  });
  it('an unknown short flag in a cluster', () => {
    const c = one('docker run -itZ busybox\n');
    assert.deepEqual(c.unknown.map((u) => u.written), ['-Z']);
  });
  it('a variable in flag position may hold flags', () => {
    const c = one('docker run $OPTS busybox\n');
    assert.deepEqual(c.imageUncertain?.candidates, ['$OPTS', 'busybox']);
  });
  it('variables are unresolved values: not secrets, not images', () => {
    const c = one('docker run -e DB_PASSWORD=$DB_PASSWORD -u "$(id -u)" "$IMAGE"\n');
    assert.equal(c.flags[0].unresolved, true);
    assert.equal(c.image?.unresolved, true);
    assert.equal(c.image.value, '$IMAGE');
  });
});

describe('posture', () => {
  it('reads mounts, ports, namespaces, limits, health and logging', () => {
    const c = one('docker run --rm -v /etc:/h/etc:ro --mount type=bind,src=/var/run/docker.sock,dst=/s --tmpfs /tmp -p 127.0.0.1:80:80 -p 9000 --pid=host -m 1g --cpus 2 --pids-limit 50 --no-healthcheck --log-driver local busybox\n');
    const p = runPosture(c);
    assert.deepEqual(p.mounts.map((m) => [m.type, m.source, m.target, m.readOnly]), [['bind', '/etc', '/h/etc', true], ['bind', '/var/run/docker.sock', '/s', false]]);
    assert.deepEqual(p.ports.map((x) => [x.hostIp, x.published, x.target, x.allInterfaces]), [['127.0.0.1', '80', '80', false], [null, null, '9000', true]]);
    assert.deepEqual(p.namespaces.map((n) => [n.key, n.value.value]), [['pid', 'host']]);
    assert.deepEqual([p.memory?.value, p.cpus?.value, p.pids?.value], ['1g', '2', '50']);
    assert.deepEqual(p.healthcheck?.disabled, true);
    assert.equal(p.logging?.driver, 'local');
    assert.equal(p.oneOff, true);
    assert.deepEqual(p.tmpfs.map((t) => t.value), ['/tmp']);
  });
});

describe('positions', () => {
  it('flags on continuation lines are placed at their own line and column', () => {
    const c = one('docker run \\\n  --read-only \\\n    -v /:/host busybox\n');
    assert.deepEqual(c.flags.map((f) => [f.at.line, f.at.column]), [[2, 3], [3, 5]]);
    assert.deepEqual([c.at.line, c.at.column], [1, 1]);
    assert.deepEqual([c.image?.at.line, c.image?.at.column], [3, 16]);
  });
  it('a Makefile recipe keeps $(VAR) unresolved and its columns', () => {
    const m = runModelOf('Makefile', 'run:\n\t@docker run --rm -e TOKEN=$(TOKEN) $(IMAGE)\n');
    const c = m.commands[0];
    assert.equal(c.flags[1].value, 'TOKEN=$(TOKEN)');
    assert.equal(c.flags[1].unresolved, true);
    assert.deepEqual([c.at.line, c.at.column], [2, 3]);
  });
  it('a workflow step and a Markdown prompt', () => {
    const w = runModelOf('.github/workflows/ci.yml', 'jobs:\n  t:\n    steps:\n      - run: |\n          docker run --privileged x:1\n');
    assert.deepEqual([w.commands[0].flags[0].at.line, w.commands[0].flags[0].at.column], [5, 22]);
    const md = runModelOf('README.md', '```console\n$ docker run -it x:1\noutput\n```\n');
    assert.equal(md.commands.length, 1);
    assert.deepEqual([md.commands[0].at.line, md.commands[0].at.column], [2, 3]);
  });
});

describe('bad input: a located note, the rest still read', () => {
  it('unbalanced quote', () => {
    const m = runModelOf('a.sh', 'docker run --rm busybox true\necho "oops\ndocker run --privileged busybox\n');
    assert.equal(m.commands.length, 1);
    assert.deepEqual(m.notes.map((n) => [n.line, n.column]), [[2, 6]]);
  });
  it('a heredoc that never ends', () => {
    const m = runModelOf('a.sh', 'docker run --rm busybox true\ncat <<EOF\ndocker run --privileged busybox\n');
    assert.match(m.notes[0].message, /heredoc <<EOF never ends/);
    assert.equal(m.notes[0].line, 2);
  });
  it('a Makefile recipe indented with spaces', () => {
    const m = runModelOf('Makefile', 'a:\n\tdocker run --rm busybox true\nb:\n    docker run --rm busybox true\n');
    assert.equal(m.commands.length, 1);
    assert.match(m.notes[0].message, /spaces, not a tab/);
    assert.equal(m.notes[0].line, 4);
  });
  it('a README fence never closed', () => {
    const m = runModelOf('README.md', '```sh\ndocker run --rm busybox true\n```\n\n```bash\ndocker run x\n');
    assert.equal(m.commands.length, 1);
    assert.deepEqual(m.notes.map((n) => [n.line, n.message]), [[5, 'code fence is never closed: its commands are not read']]);
  });
  it('notes only in files that name a container engine', () => {
    assert.deepEqual(runModelOf('a.sh', 'echo "oops\n').notes, []);
  });
});

describe('quotes inside command substitutions', () => {
  it('"$(echo $x | tr -d \'"\')" is one word, not an unclosed quote', () => {
    const m = runModelOf('a.sh', 'v="$(echo $X | tr -d \'"\')"\ndocker run --rm busybox:1.36 true\n');
    assert.deepEqual(m.notes, []);
    assert.equal(m.commands.length, 1);
  });
  it('a variable followed by a flag is the image', () => {
    const c = one('docker run --rm $IMAGE -c "echo hi"\n');
    assert.equal(c.imageUncertain, null);
    assert.equal(c.image?.value, '$IMAGE');
    assert.deepEqual(c.command, ['-c', 'echo hi']);
  });
});

describe('Markdown conventions', () => {
  it('a fence without a language that starts with docker run is read', () => {
    const m = runModelOf('README.md', 'Usage:\n\n```\ndocker run -p 8080:8080 --restart=on-failure jenkins/jenkins:lts\n```\n\n```\nnot a command\n```\n');
    assert.deepEqual(m.commands.map((c) => [c.at.line, c.image?.value]), [[4, 'jenkins/jenkins:lts']]);
  });
  it('<placeholders> are words, not redirections', () => {
    const c = one('```bash\ndocker run -v <local-path>:/mnt/config -p 3100:3100 grafana/loki:3.6.0\n```\n', 'docs/install.md');
    assert.deepEqual(flags(c), ['volume=<local-path>:/mnt/config', 'publish=3100:3100']);
    assert.equal(c.image?.value, 'grafana/loki:3.6.0');
    assert.equal(c.flags[1].at.column, 40);
  });
});
