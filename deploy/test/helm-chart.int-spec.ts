import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

const chart = resolve(__dirname, '../helm/mangaassist');
const helm = [process.env.HELM, join(homedir(), 'go/bin/helm'), '/usr/local/bin/helm'].find(
  (path): path is string => path !== undefined && existsSync(path),
);

interface Manifest {
  kind: string;
  metadata: { name: string };
  spec: Record<string, unknown>;
}

function render(...set: string[]): Manifest[] {
  if (!helm)
    throw new Error('helm not found: go install helm.sh/helm/v3/cmd/helm@v3.22.0 (or set HELM)');
  const args = ['template', 'ma', chart, ...set.flatMap((s) => ['--set', s])];
  const out = execFileSync(helm, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return parseAllDocuments(out)
    .map((d) => d.toJSON() as Manifest | null)
    .filter((m): m is Manifest => m !== null);
}

describe('Helm chart deploy/helm/mangaassist', () => {
  it('passes helm lint --strict', () => {
    if (!helm) throw new Error('helm not found');
    const out = execFileSync(helm, ['lint', '--strict', chart], { encoding: 'utf8' });
    expect(out).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
  });

  it('renders a Deployment, Service and NetworkPolicy for each of the 8 components', () => {
    const manifests = render();
    for (const kind of ['Deployment', 'Service', 'NetworkPolicy']) {
      expect(manifests.filter((m) => m.kind === kind)).toHaveLength(8);
    }
  });

  it('runs every container non-root, read-only, without capabilities, with probes and limits', () => {
    for (const deployment of render().filter((m) => m.kind === 'Deployment')) {
      const pod = (deployment.spec.template as { spec: Record<string, unknown> }).spec;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
      const [container] = pod.containers as Record<string, unknown>[];
      expect(container.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
      expect(container.readinessProbe).toBeDefined();
      expect(container.livenessProbe).toBeDefined();
      expect((container.resources as { limits: unknown }).limits).toBeDefined();
    }
  });

  it('probes gRPC services over grpc.health.v1 and the gateway over /readyz', () => {
    const deployments = render().filter((m) => m.kind === 'Deployment');
    const container = (name: string) =>
      (
        deployments.find((d) => d.metadata.name === `ma-${name}`)?.spec.template as {
          spec: { containers: Record<string, unknown>[] };
        }
      ).spec.containers[0];
    expect(container('intent').readinessProbe).toMatchObject({ grpc: { port: 50051 } });
    expect(container('gateway').readinessProbe).toMatchObject({
      httpGet: { path: '/readyz', port: 8080 },
    });
    const env = container('gateway').env as { name: string; value?: string }[];
    expect(env).toEqual(
      expect.arrayContaining([
        { name: 'INTENT_ADDR', value: 'ma-intent:50051' },
        { name: 'GATEWAY_HOST', value: '0.0.0.0' },
      ]),
    );
  });

  it('lets only the gateway call the backends', () => {
    const policy = render().find(
      (m) => m.kind === 'NetworkPolicy' && m.metadata.name === 'ma-retrieval',
    );
    expect(policy?.spec.ingress).toEqual([
      {
        from: [
          {
            podSelector: {
              matchLabels: {
                'app.kubernetes.io/name': 'gateway',
                'app.kubernetes.io/instance': 'ma',
              },
            },
          },
        ],
        ports: [{ port: 50052 }],
      },
    ]);
  });

  it('rejects unknown values keys through values.schema.json', () => {
    expect(() => render('components.intent.replica=3')).toThrow(/replica/);
    expect(() => render('colour=blue')).toThrow(/colour/);
  });
});
