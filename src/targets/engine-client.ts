// The local Docker engine for the load steps that read facts from it (lint --inspect-images:
// compose services' images, Dockerfiles' base images). Never throws: an engine that does not
// answer gives the one-line reason the findings carry as "unknown".
import type Docker from 'dockerode';

/** The engine's client once it answers a ping, or why it cannot be reached. */
export async function reachEngine(given?: Docker): Promise<Docker | { unreachable: string }> {
  try {
    const { default: DockerClass } = await import('dockerode');
    const client = given ?? new DockerClass();
    await client.ping();
    return client;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    return { unreachable: `the Docker engine is not reachable (${e.code ?? oneLine(e.message ?? String(err))})` };
  }
}

/** The first line of an engine message, at most 120 characters. */
export function oneLine(s: string): string {
  const line = (s.split('\n')[0] ?? '').trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}
