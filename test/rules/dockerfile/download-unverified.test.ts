import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/download-unverified.js';

testRule(rule, {
  valid: [
    { name: 'sha256sum -c with echo', code: 'FROM debian:12\nRUN curl -fsSLo app.tgz https://x/app.tgz \\\n && echo "$SHA  app.tgz" | sha256sum -c - \\\n && tar -xzf app.tgz\n' },
    { name: 'checksums file', code: 'FROM debian:12\nRUN curl -fsSLO https://x/app.tgz && curl -fsSLO https://x/SHA256SUMS \\\n && sha256sum -c --ignore-missing SHA256SUMS && tar -xzf app.tgz\n' },
    { name: 'gpg --batch --verify', code: 'FROM debian:12\nRUN wget https://x/app.tar.xz https://x/app.tar.xz.asc \\\n && gpg --batch --verify app.tar.xz.asc app.tar.xz && tar -xJf app.tar.xz\n' },
    { name: 'cosign verify-blob', code: 'FROM debian:12\nRUN curl -fsSLo /usr/local/bin/x https://x/x && cosign verify-blob --key k.pub --signature x.sig /usr/local/bin/x && chmod +x /usr/local/bin/x\n' },
    { name: 'minisign -V', code: 'FROM debian:12\nRUN curl -fsSLO https://x/zig.tar.xz && minisign -Vm zig.tar.xz -P key && tar -xJf zig.tar.xz\n' },
    { name: 'shasum -a 256 -c', code: 'FROM debian:12\nRUN curl -fsSLo a.zip https://x/a.zip && echo "$H *a.zip" | shasum -a 256 -c && unzip a.zip\n' },
    { name: 'digest compared in a test', code: 'FROM debian:12\nRUN curl -fLO https://x/${R}.tar.gz \\\n && if [ "$(openssl sha512 -r ${R}.tar.gz)" = "$SUM" ]; then echo ok; else exit 1; fi \\\n && tar xzf ${R}.tar.gz\n' },
    { name: 'downloaded but not used here', code: 'FROM debian:12\nRUN curl -fsSLo /data/model.bin https://x/m\n' },
    { name: 'sha256sum --check', code: 'FROM debian:12\nRUN curl -fsSLo app.tgz https://x/app.tgz && echo "$SHA  app.tgz" | sha256sum --check --strict && tar -xzf app.tgz\n' },
    { name: 'sha256sum --check=…, -wc', code: 'FROM debian:12\nRUN curl -fsSLo a.tgz https://x/a.tgz && echo "$S  a.tgz" > s && sha256sum -wc s && tar -xzf a.tgz\n' },
    { name: 'busybox sha256sum -c', code: 'FROM alpine:3.20\nRUN wget -O /tmp/a.tgz https://x/a.tgz && echo "$S  /tmp/a.tgz" | busybox sha256sum -c - && tar -xzf /tmp/a.tgz\n' },
    { name: 'shasum -a 256 --check', code: 'FROM debian:12\nRUN curl -fsSLo a.zip https://x/a.zip && echo "$H  a.zip" | shasum -a 256 --check && unzip a.zip\n' },
    { name: 'cksum -a sha256 --check', code: 'FROM debian:12\nRUN curl -fsSLo a.zip https://x/a.zip && echo "$H  a.zip" | cksum -a sha256 --check && unzip a.zip\n' },
    { name: 'curl --fail … && echo … | sha512sum -c', code: 'FROM debian:12\nRUN curl --fail --location --output /tmp/go.tgz https://x/go.tgz \\\n && echo "${GO_SHA512}  /tmp/go.tgz" | sha512sum -c - \\\n && tar -C /usr/local -xzf /tmp/go.tgz\n' },
    { name: 'openssl dgst -sha256 compared by grep', code: 'FROM debian:12\nRUN curl -fsSLo a.tgz https://x/a.tgz && openssl dgst -sha256 a.tgz | grep -q "$SHA" && tar -xzf a.tgz\n' },
    { name: 'openssl dgst -verify with a signature', code: 'FROM debian:12\nRUN curl -fsSLO https://x/a.tgz https://x/a.tgz.sig && openssl dgst -sha256 -verify pub.pem -signature a.tgz.sig a.tgz && tar -xzf a.tgz\n' },
    { name: 'gpg --verify', code: 'FROM debian:12\nRUN curl -fsSLO https://x/a.tgz && curl -fsSLO https://x/a.tgz.asc && gpg --verify a.tgz.asc a.tgz && tar -xzf a.tgz\n' },
    { name: 'minisign -V -m', code: 'FROM debian:12\nRUN curl -fsSLO https://x/zig.tar.xz && minisign -V -P "$KEY" -m zig.tar.xz && tar -xJf zig.tar.xz\n' },
    { name: 'ssh-keygen -Y verify', code: 'FROM debian:12\nRUN curl -fsSLO https://x/a.tgz && ssh-keygen -Y verify -f signers -I ci -n file -s a.tgz.sig < a.tgz && tar -xzf a.tgz\n' },
    { name: 'gh attestation verify', code: 'FROM debian:12\nRUN curl -fsSLO https://x/a.tgz && gh attestation verify a.tgz --owner acme && tar -xzf a.tgz\n' },
    { name: 'variables written two ways', code: 'FROM debian:12\nRUN curl -fsSLO https://x/node-v${V}.tar.xz && echo "$S  node-v$V.tar.xz" | sha256sum -c - && tar -xJf "node-v$V.tar.xz"\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN curl -fsSLo /usr/local/bin/tini https://x/tini \\\n && chmod +x /usr/local/bin/tini\n',
      errors: [{ line: 2, column: 5, endColumn: 9, message: 'tini downloaded by curl is made executable (line 3)' }],
    },
    { name: 'wget default name then tar', code: 'FROM debian:12\nRUN wget -q https://x/app-1.0.tar.gz && tar xzf app-1.0.tar.gz\n', errors: [{ line: 2, column: 5, message: 'unpacked by tar' }] },
    { name: 'dpkg -i, sudo', code: 'FROM debian:12\nRUN curl -fsSLO https://x/pkg.deb && sudo dpkg -i pkg.deb\n', errors: [{ line: 2, column: 5, message: 'dpkg' }] },
    { name: 'verification after the use does not count', code: 'FROM debian:12\nRUN curl -fsSLo i.sh https://x/i.sh && sh i.sh && sha256sum -c sums\n', errors: [{ line: 2, message: 'run by sh' }] },
    { name: 'piped into tar', code: 'FROM debian:12\nRUN curl -fsSL https://x/a.tgz | tar -xz -C /opt\n', errors: [{ line: 2, column: 5, message: 'piped into tar' }] },
    { name: 'moved into a bin directory; heredoc', code: 'FROM debian:12\nRUN <<EOF\ncurl -fsSLo kubectl https://x/kubectl\nmv kubectl /usr/local/bin/\nEOF\n', errors: [{ line: 3, column: 1, message: 'installed to /usr/local/bin/' }] },
    { name: 'a digest printed, not compared', code: 'FROM debian:12\nRUN curl -fsSLo a.tgz https://x/a.tgz && sha256sum a.tgz && tar -xzf a.tgz\n', errors: [{ line: 2, message: 'unpacked by tar' }] },
    { name: 'openssl dgst alone', code: 'FROM debian:12\nRUN curl -fsSLo a.tgz https://x/a.tgz && openssl dgst -sha256 a.tgz && tar -xzf a.tgz\n', errors: [{ line: 2, message: 'unpacked by tar' }] },
    { name: 'a key imported, nothing verified', code: 'FROM debian:12\nRUN curl -fsSLO https://x/a.tgz && gpg --import key.asc && tar -xzf a.tgz\n', errors: [{ line: 2, message: 'unpacked by tar' }] },
    { name: 'minisign signs, it does not verify', code: 'FROM debian:12\nRUN curl -fsSLO https://x/a.tgz && minisign -S -m a.tgz && tar -xzf a.tgz\n', errors: [{ line: 2, message: 'unpacked by tar' }] },
    { name: 'another file verified', code: 'FROM debian:12\nRUN curl -fsSLo app https://x/a && curl -fsSLo tool https://x/b && echo "h  app" | sha256sum -c && chmod +x app tool\n', errors: [{ line: 2, column: 36, message: 'tool' }] },
  ],
});
