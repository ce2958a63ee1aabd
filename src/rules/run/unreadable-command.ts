import { defineRule } from '../../engine/types.js';
export default defineRule({
  id: 'run/unreadable-command',
  target: 'run',
  title: "Command lines can be read",
  severity: 'warning',
  level: null,
  rationale: "An unclosed quote, a heredoc that never ends, a Makefile recipe indented with spaces or a code fence that is never closed stop the reading of the file at that point: the container command lines after it are not audited (and the shell, make or the reader would trip there too).",
  remediation: "Close the quote, the heredoc or the fence; indent Makefile recipes with a tab.",
  references: ["https://www.gnu.org/software/make/manual/make.html#Recipe-Syntax", "https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html"],
  equivalents: {},
  examples: { bad: "docker run --rm alpine:3.20 echo 'hi\n", good: "docker run --rm alpine:3.20 echo 'hi'\n" },
  check(model, ctx) {
    for (const n of model.notes) ctx.report({ message: n.message, location: { path: model.path, startLine: n.line, startColumn: n.column ?? 1, endLine: n.line, endColumn: (n.column ?? 1) + 1 } });
  },
});
