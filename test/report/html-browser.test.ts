// The HTML report in a real browser: Debian's headless Chromium renders a report of a fixture
// project, takes a screenshot (decoded here: the page is drawn with its own CSS, which the
// Content Security Policy allows by hash), and dumps the DOM after the page's script ran; the
// DOM (parsed with parse5, the WHATWG HTML parser) holds every finding of the JSON report, the
// filters the script shows, and never the secret the project holds. Skipped only when chromium
// is not installed (scripts/install-tools.sh installs it; CI runs that first).
// TIGHTSHIP_UPDATE_SCREENSHOT=1 writes the screenshot to docs/html-report.png.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { runCli } from '../helpers/cli-io.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHROMIUM = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim();
const SECRET = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
const WIDTH = 1100;
const HEIGHT = 1400;

function chromium(args: string[], profile: string): string {
  const r = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--hide-scrollbars',
    '--force-device-scale-factor=1', `--user-data-dir=${profile}`, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, `chromium ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

// ---- the DOM
function isElement(n: Node): n is Element {
  return 'tagName' in n;
}
function children(n: Node): Node[] {
  return 'childNodes' in n ? n.childNodes : [];
}
function all(n: Node, pred: (e: Element) => boolean, out: Element[] = []): Element[] {
  if (isElement(n) && pred(n)) out.push(n);
  for (const c of children(n)) all(c, pred, out);
  return out;
}
function attr(e: Element, name: string): string | undefined {
  return e.attrs.find((a) => a.name === name)?.value;
}
function hasClass(e: Element, c: string): boolean {
  return (attr(e, 'class') ?? '').split(/\s+/).includes(c);
}
function text(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  return children(n).map(text).join('');
}
function one(n: Node, pred: (e: Element) => boolean): Element {
  const [e] = all(n, pred);
  assert.ok(e, 'element not found');
  return e;
}

// ---- the screenshot: PNG chunks, zlib, the five row filters of the PNG specification
function decodePng(buf: Buffer): { width: number; height: number; pixel(x: number, y: number): [number, number, number] } {
  assert.deepEqual([...buf.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  let off = 8;
  let width = 0; let height = 0; let channels = 0;
  const idat: Buffer[] = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      assert.equal(data[8], 8, 'bit depth 8');
      assert.equal(data[12], 0, 'not interlaced');
      const colourType = data.readUInt8(9);
      channels = colourType === 2 ? 3 : colourType === 6 ? 4 : 0;
      assert.ok(channels, `colour type ${colourType}`);
    } else if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const img = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i] ?? 0;
      const a = i >= channels ? img[y * stride + i - channels] ?? 0 : 0;
      const b = y > 0 ? img[(y - 1) * stride + i] ?? 0 : 0;
      const c = i >= channels && y > 0 ? img[(y - 1) * stride + i - channels] ?? 0 : 0;
      let v: number;
      switch (filter) {
        case 0: v = x; break;
        case 1: v = x + a; break;
        case 2: v = x + b; break;
        case 3: v = x + ((a + b) >> 1); break;
        case 4: {
          const p = a + b - c; const pa = Math.abs(p - a); const pb = Math.abs(p - b); const pc = Math.abs(p - c);
          v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default: throw new Error(`PNG filter ${filter}`);
      }
      img[y * stride + i] = v & 0xff;
    }
  }
  return { width, height, pixel: (x, y) => [img[y * stride + x * channels] ?? 0, img[y * stride + x * channels + 1] ?? 0, img[y * stride + x * channels + 2] ?? 0] };
}

interface JsonReport { results: { target: { path: string; kind: string; service?: string }; level: string | null; findings: { ruleId: string; severity: string; location: { path: string; startLine: number } }[] }[] }

describe('the HTML report in headless Chromium', { skip: CHROMIUM ? false : 'chromium is not installed (run scripts/install-tools.sh)' }, () => {
  const work = mkdtempSync(join(tmpdir(), 'tightship-html-'));
  const project = join(work, 'project');
  const report = join(work, 'report.html');
  let json: JsonReport;
  let dom: DefaultTreeAdapterMap['document'];
  let shot: Buffer;

  before(async () => {
    mkdirSync(project);
    writeFileSync(join(project, 'Dockerfile'), `FROM ubuntu:latest\nRUN apt-get update && apt-get install -y curl\nENV API_TOKEN=${SECRET}\nUSER root\nCMD ["curl", "--version"]\n`);
    writeFileSync(join(project, 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n');
    const j = await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none'], project);
    assert.equal(j.code, 0, j.stderr);
    json = JSON.parse(j.stdout) as JsonReport;
    const h = await runCli(['lint', '.', '--format', 'html', '--output', report, '--fail-on', 'none'], project);
    assert.equal(h.code, 0, h.stderr);
    const url = pathToFileURL(report).href;
    dom = parse(chromium(['--virtual-time-budget=5000', '--dump-dom', url], join(work, 'profile-dom')));
    chromium([`--window-size=${WIDTH},${HEIGHT}`, `--screenshot=${join(work, 'shot.png')}`, url], join(work, 'profile-shot'));
    shot = readFileSync(join(work, 'shot.png'));
    // TIGHTSHIP_UPDATE_SCREENSHOT=1 keeps this screenshot as the one docs/formats.md shows
    if (process.env.TIGHTSHIP_UPDATE_SCREENSHOT === '1') copyFileSync(join(work, 'shot.png'), join(ROOT, 'docs/html-report.png'));
  });
  after(() => { rmSync(work, { recursive: true, force: true }); });

  it('the DOM holds every finding of the JSON report, with its rule, severity and place', () => {
    const expected = json.results.flatMap((r) => r.findings.map((f) => `${f.severity} ${f.ruleId} ${f.location.path}:${f.location.startLine}`)).sort();
    assert.ok(expected.length >= 10, `${expected.length} findings`);
    const items = all(dom, (e) => e.tagName === 'li' && hasClass(e, 'finding'));
    const shown = items.map((li) => {
      const where = text(one(li, (e) => hasClass(e, 'where')));
      return `${attr(li, 'data-severity')} ${attr(li, 'data-rule')} ${where.split(':').slice(0, 2).join(':')}`;
    }).sort();
    assert.deepEqual(shown, expected);
    for (const li of items) assert.ok(text(one(li, (e) => hasClass(e, 'msg'))).trim().length > 10);
  });

  it('one section per target with its level badge', () => {
    const sections = all(dom, (e) => e.tagName === 'section' && hasClass(e, 'target'));
    assert.equal(sections.length, json.results.length);
    const levels = sections.map((s) => `${attr(s, 'data-level')}:${text(one(s, (e) => hasClass(e, 'badge')))}`).sort();
    assert.deepEqual(levels, json.results.map((r) => `${r.level ?? 'ungraded'}:${r.level ?? 'ungraded'}`).sort());
    assert.match(text(sections[0] ?? dom), /To reach nonroot, fix:/);
  });

  it("the page's script ran under its Content Security Policy: the filters are shown and counted", () => {
    const form = one(dom, (e) => attr(e, 'id') === 'filters');
    assert.equal(attr(form, 'hidden'), undefined, 'the script unhides the filters');
    const total = json.results.reduce((n, r) => n + r.findings.length, 0);
    assert.equal(text(one(dom, (e) => attr(e, 'id') === 'count')), `showing ${total} of ${total} findings`);
    const rules = all(form, (e) => e.tagName === 'option').map((o) => attr(o, 'value')).filter(Boolean);
    assert.deepEqual(rules, [...new Set(json.results.flatMap((r) => r.findings.map((f) => f.ruleId)))].sort());
  });

  it('the secret is in no text or attribute of the rendered page', () => {
    const html = readFileSync(report, 'utf8');
    assert.ok(!html.includes(SECRET));
    const attrs = all(dom, () => true).flatMap((e) => e.attrs.map((a) => a.value));
    assert.ok(!text(dom).includes(SECRET) && !attrs.some((v) => v.includes(SECRET)));
    assert.match(text(dom), /line not shown: it holds a secret/);
  });

  it('the screenshot: the window size, the page drawn with its CSS (the root badge colour, #b3261e)', () => {
    const png = decodePng(shot);
    assert.equal(png.width, WIDTH);
    assert.equal(png.height, HEIGHT);
    let badge = 0; let white = 0;
    for (let y = 0; y < HEIGHT; y += 2) {
      for (let x = 0; x < WIDTH; x += 2) {
        const [r, g, b] = png.pixel(x, y);
        if (Math.abs(r - 0xb3) < 8 && Math.abs(g - 0x26) < 8 && Math.abs(b - 0x1e) < 8) badge++;
        if (r === 255 && g === 255 && b === 255) white++;
      }
    }
    assert.ok(badge > 20, `${badge} pixels of the root colour`);
    assert.ok(white < (WIDTH * HEIGHT) / 4 * 0.98, 'the page is not blank');
  });

  it('docs/html-report.png is a screenshot of this kind, shown in docs/formats.md', () => {
    const png = decodePng(readFileSync(join(ROOT, 'docs/html-report.png')));
    assert.ok(png.width >= 800 && png.height >= 600);
    assert.match(readFileSync(join(ROOT, 'docs/formats.md'), 'utf8'), /!\[[^\]]+\]\(html-report\.png\)/);
  });
});
