import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DOMAIN_SERVICE_NAMES, SERVICE_NAMES, SERVICES, type ServiceName } from '@shopops/contracts';
import { loadServiceConfig } from '@shopops/platform';
import { loadJwtSecret } from '../../apps/gateway/src/gateway.config';
import { CONFIG_SECTIONS, generatedSecrets, imageEnvironment, problemsOf, ROOT, secretNames } from './deploy-environment';
import { podSpecsOf, podTemplateOf, renderKustomization, type Container, type KubernetesObject, type Probe, type Selector } from './kustomize';

const OVERLAYS = ['one-process', 'per-service'] as const;
const rendered = Object.fromEntries(OVERLAYS.map((overlay) => [overlay, renderKustomization(join(ROOT, 'deploy/k8s/overlays', overlay))])) as Record<
  (typeof OVERLAYS)[number],
  KubernetesObject[]
>;

/** The secret `shopops-secrets` holds: compose's names, with DATABASE_URL in place of the PostgreSQL password. */
const SECRET_NAMES = [...secretNames().filter((name) => name !== 'POSTGRES_PASSWORD'), 'DATABASE_URL'];

function validate(objects: readonly unknown[]): string[] {
  const run = spawnSync(process.execPath, [join(__dirname, 'validate-kubernetes.mjs')], { cwd: ROOT, input: JSON.stringify(objects), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

const ofKind = (objects: KubernetesObject[], kind: string) => objects.filter((object) => object.kind === kind);
const containerOf = (deployment: KubernetesObject): Container => deployment.spec.template!.spec.containers[0];
const envOf = (container: Container): Record<string, string | undefined> => Object.fromEntries((container.env ?? []).map((entry) => [entry.name, entry.value]));

function matchLabels(selector: Selector | undefined, labels: Record<string, string>): boolean {
  if (selector?.matchExpressions) throw new Error('matchExpressions: not evaluated here');
  return Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
}

interface Pod {
  name: string;
  namespace: string;
  labels: Record<string, string>;
}

function podsOf(objects: KubernetesObject[]): Pod[] {
  return objects
    .filter((object) => podSpecsOf(object).length > 0)
    .map((object) => ({
      name: object.metadata.name,
      namespace: object.metadata.namespace ?? 'default',
      labels: podTemplateOf(object)!.metadata.labels,
    }));
}

/** Whether NetworkPolicies let `source` open a connection to `target` on `port`, as Kubernetes decides it. */
function ingressAllowed(objects: KubernetesObject[], source: Pod, target: Pod, port: number): boolean {
  const selecting = ofKind(objects, 'NetworkPolicy').filter(
    (policy) =>
      policy.metadata.namespace === target.namespace &&
      matchLabels(policy.spec.podSelector, target.labels) &&
      (policy.spec.policyTypes ?? ['Ingress']).includes('Ingress'),
  );
  if (selecting.length === 0) return true;
  return selecting.some((policy) =>
    (policy.spec.ingress ?? []).some(
      (rule) =>
        (!rule.ports || rule.ports.some((allowed) => port >= allowed.port && port <= (allowed.endPort ?? allowed.port))) &&
        (!rule.from ||
          rule.from.some(
            (peer) =>
              !peer.ipBlock &&
              (peer.namespaceSelector
                ? matchLabels(peer.namespaceSelector, { 'kubernetes.io/metadata.name': source.namespace })
                : source.namespace === policy.metadata.namespace) &&
              (!peer.podSelector || matchLabels(peer.podSelector, source.labels)),
          )),
    ),
  );
}

describe('deploy/k8s', () => {
  it.each(OVERLAYS)('%s: every object is valid against the Kubernetes API schemas (kubernetes-models, offline)', (overlay) => {
    expect(rendered[overlay].length).toBeGreaterThan(5);
    expect(validate(rendered[overlay])).toEqual([]);
  });

  it('the schema check catches a wrong field type and an unknown kind', () => {
    const deployment = structuredClone(ofKind(rendered['per-service'], 'Deployment')[0]);
    deployment.spec.replicas = 'two';
    const problems = validate([deployment, { apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'typo' } }]);
    expect(problems).toEqual([expect.stringContaining('spec/replicas must be integer'), expect.stringContaining('no schema for apps/v1 Deploymnet')]);
  });

  it('one process: a single Deployment runs every service and the gateway with SERVICES=all', () => {
    const [deployment, ...others] = ofKind(rendered['one-process'], 'Deployment');
    expect(others).toEqual([]);
    expect(containerOf(deployment).command).toEqual(['node', 'dist/scripts/run-services.js']);
    expect(envOf(containerOf(deployment)).SERVICES).toBe('all');
    const ports = (containerOf(deployment).ports ?? []).map((port) => port.containerPort);
    expect(ports.sort()).toEqual(SERVICE_NAMES.map((name) => SERVICES[name].defaultPort).sort());
  });

  it('per service: a Deployment for each service and role, running its main.js with that ROLE and port', () => {
    const deployments = ofKind(rendered['per-service'], 'Deployment');
    const expected = SERVICE_NAMES.flatMap((service) => [
      { service, role: 'api', port: String(SERVICES[service].defaultPort) },
      { service, role: 'worker', port: String(SERVICES[service].defaultPort + 100) },
    ]);
    const actual = deployments.map((deployment) => {
      const container = containerOf(deployment);
      expect(deployment.metadata.name).toBe(`${/dist\/apps\/([a-z-]+)\//.exec(container.command[1])?.[1]}-${envOf(container).ROLE}`);
      return { service: /dist\/apps\/([a-z-]+)\//.exec(container.command[1])?.[1], role: envOf(container).ROLE, port: envOf(container).PORT };
    });
    expect(actual.sort((a, b) => `${a.service}${a.role}`.localeCompare(`${b.service}${b.role}`))).toEqual(
      expected.sort((a, b) => `${a.service}${a.role}`.localeCompare(`${b.service}${b.role}`)),
    );
  });

  it.each(OVERLAYS)('%s: every Deployment probes /health/live and /health/ready on a port it declares', (overlay) => {
    for (const deployment of ofKind(rendered[overlay], 'Deployment')) {
      const container = containerOf(deployment);
      const declared = new Map((container.ports ?? []).map((port) => [port.name, port.containerPort]));
      const portOf = (probe?: Probe) => (typeof probe?.httpGet.port === 'number' ? probe.httpGet.port : declared.get(probe?.httpGet.port));
      expect([
        deployment.metadata.name,
        container.livenessProbe?.httpGet.path,
        container.readinessProbe?.httpGet.path,
        container.startupProbe?.httpGet.path,
      ]).toEqual([deployment.metadata.name, '/health/live', '/health/ready', '/health/live']);
      const port = portOf(container.readinessProbe);
      expect([deployment.metadata.name, port]).toEqual([deployment.metadata.name, envOf(container).PORT ? Number(envOf(container).PORT) : 4000]);
      expect(portOf(container.livenessProbe)).toBe(port);
      expect(container.resources?.requests?.cpu).toBeTruthy();
    }
  });

  it.each(OVERLAYS)('%s: every Deployment has a PodDisruptionBudget and an autoscaler: api on CPU, workers on their queue', (overlay) => {
    const objects = rendered[overlay];
    for (const deployment of ofKind(objects, 'Deployment')) {
      const labels = deployment.spec.template!.metadata.labels;
      const budgets = ofKind(objects, 'PodDisruptionBudget').filter((budget) => matchLabels(budget.spec.selector, labels));
      expect([deployment.metadata.name, budgets.length]).toEqual([deployment.metadata.name, 1]);
      const [autoscaler, ...more] = ofKind(objects, 'HorizontalPodAutoscaler').filter((hpa) => hpa.spec.scaleTargetRef?.name === deployment.metadata.name);
      expect([deployment.metadata.name, more.length]).toEqual([deployment.metadata.name, 0]);
      const [metric] = autoscaler.spec.metrics ?? [];
      if (envOf(containerOf(deployment)).ROLE === 'worker') {
        const service = deployment.metadata.name.replace(/-worker$/, '');
        expect(metric.external?.metric).toEqual({ name: 'shopops_queue_waiting', selector: { matchLabels: { queue: `${service}-events` } } });
      } else {
        expect(metric.resource).toEqual({ name: 'cpu', target: { type: 'Utilization', averageUtilization: expect.any(Number) } });
      }
    }
  });

  it.each(OVERLAYS)('%s: secrets are referenced from the Secret shopops-secrets, never written in the manifests', (overlay) => {
    const objects = rendered[overlay];
    expect(ofKind(objects, 'Secret')).toEqual([]);
    const configMapKeys = ofKind(objects, 'ConfigMap').flatMap((map) => Object.keys(map.data ?? {}));
    expect(configMapKeys.filter((key) => SECRET_NAMES.includes(key))).toEqual([]);
    for (const object of objects) {
      for (const container of podSpecsOf(object).flatMap((pod) => pod.containers)) {
        expect([object.metadata.name, container.envFrom]).toEqual([object.metadata.name, expect.arrayContaining([{ secretRef: { name: 'shopops-secrets' } }])]);
        expect(Object.keys(envOf(container)).filter((name) => SECRET_NAMES.includes(name))).toEqual([]);
      }
    }
  });

  it.each(OVERLAYS)('%s: each process, given the secret, has every variable its configuration requires in production', (overlay) => {
    const objects = rendered[overlay];
    const shared = Object.assign({}, ...ofKind(objects, 'ConfigMap').map((map) => map.data));
    const secret = generatedSecrets(SECRET_NAMES);
    for (const object of objects) {
      for (const container of podSpecsOf(object).flatMap((pod) => pod.containers)) {
        const env = { ...imageEnvironment(), ...shared, ...secret, ...envOf(container) };
        const main = /^dist\/apps\/([a-z-]+)\/src\/main\.js$/.exec(container.command[1])?.[1] as ServiceName | undefined;
        const hosted: ServiceName[] = env.SERVICES === 'all' ? [...SERVICE_NAMES] : main ? [main] : [];
        for (const service of hosted) {
          expect([object.metadata.name, service, problemsOf(() => loadServiceConfig(service, CONFIG_SECTIONS[service], env))]).toEqual([
            object.metadata.name,
            service,
            [],
          ]);
        }
        if (container.command.includes('reconcile')) expect(problemsOf(() => loadJwtSecret(env))).toEqual([]);
      }
    }
    expect(imageEnvironment().NODE_ENV).toBe('production');
  });

  it('per service: only the gateway reaches the subgraphs; anyone reaches the gateway', () => {
    const objects = rendered['per-service'];
    const pods = podsOf(objects);
    const stranger: Pod = { name: 'stranger', namespace: 'default', labels: {} };
    const prometheus: Pod = { name: 'prometheus', namespace: 'monitoring', labels: { 'app.kubernetes.io/name': 'prometheus' } };
    const gatewayApi = pods.find((pod) => pod.name === 'gateway-api') as Pod;
    for (const service of DOMAIN_SERVICE_NAMES) {
      const subgraph = pods.find((pod) => pod.name === `${service}-api`) as Pod;
      const port = SERVICES[service].defaultPort;
      expect([service, ingressAllowed(objects, gatewayApi, subgraph, port)]).toEqual([service, true]);
      const others = [stranger, ...pods.filter((pod) => pod.name !== 'gateway-api')];
      expect([service, others.filter((source) => ingressAllowed(objects, source, subgraph, port)).map((source) => source.name)]).toEqual([service, []]);
      expect([service, ingressAllowed(objects, prometheus, subgraph, port)]).toEqual([service, true]);
    }
    expect(ingressAllowed(objects, stranger, gatewayApi, 4000)).toBe(true);
    const worker = pods.find((pod) => pod.name === 'inventory-worker') as Pod;
    expect(ingressAllowed(objects, stranger, worker, 4102)).toBe(false);
  });

  it('one process: other pods reach the gateway port only, never the subgraph ports', () => {
    const objects = rendered['one-process'];
    const [suite] = podsOf(objects).filter((pod) => pod.name === 'shopops');
    const stranger: Pod = { name: 'stranger', namespace: 'shopops', labels: { 'app.kubernetes.io/part-of': 'shopops' } };
    expect(ingressAllowed(objects, stranger, suite, 4000)).toBe(true);
    for (const service of DOMAIN_SERVICE_NAMES)
      expect([service, ingressAllowed(objects, stranger, suite, SERVICES[service].defaultPort)]).toEqual([service, false]);
  });
});
