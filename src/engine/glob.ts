// Glob matching without backtracking. A pattern is compiled to a small automaton (one state per
// pattern element) and a path is matched by advancing the set of live states one character at a
// time, so a match costs O(path length × pattern length) whatever the pattern: the RegExp these
// globs used to be turned into backtracks exponentially on `*a*a*a*a*…b` against a long name.
//
// Two dialects compile to the same automaton:
// - `dockerignore`: moby's patternmatcher as .dockerignore uses it: `*` any run of characters but
//   '/', `?` one character but '/', `**` any run including '/' (`**/` may also match nothing, and a
//   trailing `**` matches everything), `[...]` classes, `\` escapes the next character;
// - `filepath`: Go's filepath.Match as BuildKit applies it to COPY/ADD wildcards: `*`, `?`,
//   `[...]`, `\`, and no `**` (two stars are two `*`).

type Elem =
  | { t: 'lit'; c: string }
  | { t: 'one' } // any character but '/'
  | { t: 'class'; negate: boolean; items: (string | [string, string])[] }
  | { t: 'star' } // any run of characters but '/'
  | { t: 'any' } // any run of characters
  | { t: 'skip'; to: number }; // may jump forward to `to` without reading (the optional `(.*/)?`)

export interface Glob {
  readonly source: string;
  test(path: string): boolean;
}

function parseClass(p: string, i: number, dialect: 'dockerignore' | 'filepath'): { elem: Elem; end: number } | null {
  // i is just after '['
  let j = i;
  let negate = false;
  if (p[j] === '^') { negate = true; j++; }
  const items: (string | [string, string])[] = [];
  let first = true;
  while (j < p.length) {
    let c = p[j];
    if (c === ']' && !first) return { elem: { t: 'class', negate, items }, end: j };
    first = false;
    if (c === '\\' && dialect === 'dockerignore' && j + 1 < p.length) c = p[++j];
    j++;
    if (p[j] === '-' && j + 1 < p.length && p[j + 1] !== ']') {
      let hi = p[j + 1];
      j += 2;
      if (hi === '\\' && dialect === 'dockerignore' && j < p.length) hi = p[j++];
      items.push([c, hi]);
    } else items.push(c);
  }
  return null;
}

function compileElems(p: string, dialect: 'dockerignore' | 'filepath'): Elem[] {
  const out: Elem[] = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') {
      if (dialect === 'dockerignore' && p[i + 1] === '*') {
        i++;
        if (p[i + 1] === '/') i++;
        if (i + 1 >= p.length) out.push({ t: 'any' });
        else {
          // (.*/)? : optionally any run then a '/'
          const at = out.length;
          out.push({ t: 'skip', to: -1 }, { t: 'any' }, { t: 'lit', c: '/' });
          (out[at] as { to: number }).to = out.length;
        }
      } else if (out[out.length - 1]?.t !== 'star') out.push({ t: 'star' });
    } else if (c === '?') out.push({ t: 'one' });
    else if (c === '\\' && i + 1 < p.length) out.push({ t: 'lit', c: p[++i] });
    else if (c === '[') {
      const cls = parseClass(p, i + 1, dialect);
      if (!cls) out.push({ t: 'lit', c: '[' });
      else {
        out.push(cls.elem);
        i = cls.end;
      }
    } else out.push({ t: 'lit', c });
  }
  return out;
}

function inClass(e: Extract<Elem, { t: 'class' }>, c: string): boolean {
  let hit = false;
  for (const it of e.items) {
    if (typeof it === 'string' ? it === c : it[0] <= c && c <= it[1]) { hit = true; break; }
  }
  return hit !== e.negate;
}

/** Compiles a glob of either dialect; test() is true when the whole path matches. */
export function compileGlob(pattern: string, dialect: 'dockerignore' | 'filepath'): Glob {
  const elems = compileElems(pattern, dialect);
  const n = elems.length;
  // states 0..n; n accepts. Sets are kept as a list plus a generation-stamped mark array.
  let cur = new Int32Array(n + 1);
  let next = new Int32Array(n + 1);
  const mark = new Uint32Array(n + 1);
  let gen = 0;
  const add = (set: Int32Array, size: number, s: number): number => {
    // adds s and what it reaches without reading (star/any may read nothing; skip may jump)
    const stack = [s];
    for (let x = stack.pop(); x !== undefined; x = stack.pop()) {
      if (mark[x] === gen) continue;
      mark[x] = gen;
      set[size++] = x;
      if (x < n) {
        const e = elems[x];
        if (e.t === 'star' || e.t === 'any') stack.push(x + 1);
        else if (e.t === 'skip') stack.push(x + 1, e.to);
      }
    }
    return size;
  };
  return {
    source: pattern,
    test(path: string): boolean {
      gen++;
      let size = add(cur, 0, 0);
      for (let k = 0; k < path.length && size > 0; k++) {
        const c = path[k];
        gen++;
        let nsize = 0;
        for (let q = 0; q < size; q++) {
          const s = cur[q];
          if (s === n) continue;
          const e = elems[s];
          switch (e.t) {
            case 'lit': if (e.c === c) nsize = add(next, nsize, s + 1); break;
            case 'one': if (c !== '/') nsize = add(next, nsize, s + 1); break;
            case 'class': if (inClass(e, c)) nsize = add(next, nsize, s + 1); break;
            case 'star': if (c !== '/') nsize = add(next, nsize, s); break;
            case 'any': nsize = add(next, nsize, s); break;
            case 'skip': break;
          }
        }
        [cur, next] = [next, cur];
        size = nsize;
      }
      for (let q = 0; q < size; q++) if (cur[q] === n) return true;
      return false;
    },
  };
}
