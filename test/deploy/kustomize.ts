import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: unknown[];
}

export interface Probe {
  httpGet: { path: string; port: number | string };
}

export interface Container {
  name: string;
  image: string;
  command: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string }[];
  envFrom?: unknown[];
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources?: { requests?: Record<string, string> };
}

export interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: { containers: Container[]; initContainers?: Container[] };
}

export interface IngressRule {
  ports?: { port: number; endPort?: number }[];
  from?: { ipBlock?: unknown; namespaceSelector?: Selector; podSelector?: Selector }[];
}

/** A Kubernetes object as the manifests hold it: the fields the deploy specs read, of every kind they use. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  data?: Record<string, string>;
  spec: {
    replicas?: number | string;
    selector?: Selector;
    template?: PodTemplate;
    jobTemplate?: { spec: { template: PodTemplate } };
    scaleTargetRef?: { name: string };
    metrics?: { resource?: unknown; external?: { metric: unknown } }[];
    podSelector?: Selector;
    policyTypes?: string[];
    ingress?: IngressRule[];
  };
}

interface Kustomization {
  resources?: string[];
  namespace?: string;
  images?: { name: string; newName?: string; newTag?: string }[];
}

/** The fields of kustomization.yaml this renderer applies; any other would be silently lost, so it refuses them. */
const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images']);

/** The pod template of a workload, wherever its kind keeps it. */
export function podTemplateOf(object: KubernetesObject): PodTemplate | undefined {
  return object.spec?.jobTemplate?.spec.template ?? object.spec?.template;
}

/** Pod specs of the workloads the manifests hold. */
export function podSpecsOf(object: KubernetesObject): PodTemplate['spec'][] {
  const template = podTemplateOf(object);
  return template ? [template.spec] : [];
}

/**
 * What `kustomize build <dir>` outputs for the features the manifests use (resources, namespace,
 * images) — no kustomize binary is at hand offline; kustomization fields outside these fail.
 */
export function renderKustomization(dir: string): KubernetesObject[] {
  const kustomization = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as Kustomization;
  const unsupported = Object.keys(kustomization).filter((field) => !SUPPORTED.has(field));
  if (unsupported.length > 0) throw new Error(`${dir}: kustomization fields this renderer does not apply: ${unsupported.join(', ')}`);
  const objects = (kustomization.resources ?? []).flatMap((resource) => {
    const path = join(dir, resource);
    if (!existsSync(path)) throw new Error(`${dir}: resource ${resource} does not exist`);
    if (statSync(path).isDirectory()) return renderKustomization(path);
    return parseAllDocuments(readFileSync(path, 'utf8'))
      .map((document) => document.toJS() as KubernetesObject | null)
      .filter((object): object is KubernetesObject => object !== null);
  });
  for (const object of objects) {
    if (kustomization.namespace) object.metadata.namespace = kustomization.namespace;
    for (const pod of podSpecsOf(object)) {
      for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
        const image = kustomization.images?.find((candidate) => candidate.name === container.image);
        if (image) container.image = `${image.newName ?? image.name}${image.newTag ? `:${image.newTag}` : ''}`;
      }
    }
  }
  return objects;
}
