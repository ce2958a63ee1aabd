// The report snippets the scan rule pages show: Trivy JSON (SchemaVersion 2) about the image
// the examples audit, registry.example/shop/api:1.4.2 (its image ID below).
export const EXAMPLE_IMAGE = 'registry.example/shop/api:1.4.2';
export const EXAMPLE_IMAGE_ID = 'sha256:5b0c6a1e9d0f4a7c2e8b3d6f1a9c4e7b2d5f8a1c3e6b9d2f5a8c1e4b7d0a3c6f';

export function trivyExample(opts: { vulns?: Record<string, string>[]; createdAt?: string; imageId?: string; name?: string } = {}): string {
  return `${JSON.stringify({
    SchemaVersion: 2,
    CreatedAt: opts.createdAt ?? '2026-01-01T08:00:00Z',
    ArtifactName: opts.name ?? EXAMPLE_IMAGE,
    ArtifactType: 'container_image',
    Metadata: { ImageID: opts.imageId ?? EXAMPLE_IMAGE_ID, RepoDigests: [] },
    Results: [{ Target: `${opts.name ?? EXAMPLE_IMAGE} (debian 12.5)`, Class: 'os-pkgs', Type: 'debian', Vulnerabilities: opts.vulns ?? [] }],
  }, null, 2)}\n`;
}
