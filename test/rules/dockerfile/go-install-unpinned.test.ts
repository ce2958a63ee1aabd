import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/go-install-unpinned.js';

testRule(rule, {
  valid: [
    { code: 'FROM golang:1.23\nRUN go install example.com/pkg@v1.2.3 && go get example.com/x@v0.1.0\n' },
    { name: 'local packages build the context', code: 'FROM golang:1.23\nRUN go install . && go install ./cmd/app && go install /go/app/foobar\n' },
    { name: 'go.mod tools and main-module packages have go.mod versions', code: 'FROM golang:1.24\nRUN go install tool && go install mymod/cmd/app std\n' },
    { name: 'go build, go mod download and go run of the module are not installs', code: 'FROM golang:1.23\nRUN go mod download && go build -o /app example.com/x && go run ./cmd/gen && go run example.com/tool@v1.0.0\n' },
  ],
  invalid: [
    { code: 'FROM golang:1.23\nRUN go install example.com/pkg@latest\n', errors: [{ line: 2, column: 16, endColumn: 38, message: 'example.com/pkg@latest', severity: 'info' }] },
    { name: 'no version; go get', code: 'FROM golang:1.23\nRUN go install example.com/pkg && go get -u example.com/y\n', errors: [{ line: 2, column: 16 }, { line: 2, column: 45, message: 'go get module' }] },
    { name: 'go run of a module at @latest', code: 'FROM golang:1.23\nRUN go run example.com/pkg@latest -flag\n', errors: [{ line: 2, column: 12, message: 'go run module' }] },
    { name: 'go install with flags', code: 'FROM golang:1.23\nRUN CGO_ENABLED=0 go install -ldflags "-s -w" github.com/a/b/cmd/c@latest\n', errors: [{ line: 2, column: 47 }] },
  ],
});
