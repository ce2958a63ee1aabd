import { defineRule } from '../../engine/types.js';
import { layerRef, presentFiles, type FileEntry } from '../../targets/image/model.js';

const TOOL = /^\/(usr\/(local\/)?)?bin\/(gcc(-\d+)?|g\+\+(-\d+)?|cc|c\+\+|clang(\+\+)?(-\d+)?|make|gmake|cmake|ninja|rustc|cargo|javac|go|gfortran|ld|as|autoconf|automake|libtool)$/;
const TOOL_ELSEWHERE = /^\/usr\/local\/go\/bin\/go$|^\/usr\/local\/cargo\/bin\/(cargo|rustc)$/;

export default defineRule({
  id: 'image/build-tools',
  target: 'image',
  title: 'No compilers or build tools in the final image',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Compilers and build tools let an intruder build exploits inside the container, add hundreds of megabytes and bring their own vulnerabilities; the runtime does not need them.',
  remediation: 'Use a multi-stage build: compile in a build stage, `COPY --from=build` only the output into a slim or distroless runtime stage.',
  references: ['CIS Docker Benchmark 4.3', 'https://docs.docker.com/build/building/multi-stage/'],
  equivalents: { dockle: ['CIS-DI-0003'], cis: ['4.3'] },
  examples: {
    bad: 'layer: RUN apt-get install -y build-essential\nfile /usr/bin/gcc-12 mode=0755\nlink /usr/bin/gcc -> gcc-12\nfile /usr/bin/make mode=0755',
    good: 'layer: COPY --from=build /app/dist /app\nfile /app/server.js',
  },
  check(model, ctx) {
    const found: FileEntry[] = [];
    for (const f of presentFiles(model).values()) {
      if ((f.type === 'file' || f.type === 'symlink' || f.type === 'hardlink') && (TOOL.test(f.path) || TOOL_ELSEWHERE.test(f.path))) found.push(f);
    }
    if (found.length === 0) return;
    found.sort((a, b) => (a.path < b.path ? -1 : 1));
    const first = found[0];
    ctx.report({
      message: `build tools in the final image: ${found.map((f) => f.path).slice(0, 8).join(', ')}${found.length > 8 ? ` and ${found.length - 8} more` : ''}`,
      location: { imagePath: first.path, layer: layerRef(model, first.layer) },
    });
  },
});
