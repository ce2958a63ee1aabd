// How users name Dockerfiles and their templates (no parser needed: discovery of named files uses
// it without loading YAML).

export const TEMPLATE_EXTENSIONS = ['.j2', '.jinja', '.jinja2', '.tmpl', '.tpl', '.template', '.in', '.erb', '.mustache', '.hbs'] as const;

/** `Dockerfile`, `*.Dockerfile`, `Dockerfile.*`, `Containerfile`, `*.Containerfile`, `Containerfile.*`. */
export function isDockerfileName(name: string): boolean {
  const n = name.toLowerCase();
  if (n.endsWith('.dockerignore') || n.endsWith('.containerignore')) return false;
  for (const base of ['dockerfile', 'containerfile']) {
    if (n === base || n.endsWith(`.${base}`) || n.startsWith(`${base}.`)) return true;
  }
  return false;
}

export function templateExtension(name: string): string | null {
  const n = name.toLowerCase();
  return TEMPLATE_EXTENSIONS.find((e) => n.endsWith(e)) ?? null;
}
