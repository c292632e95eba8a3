/**
 * bench/render: cost of rendering 10,000 objects, beside a baseline measured in the same run
 * (js-yaml dumping the very same objects, the floor for any YAML-producing tool), and the cold
 * start of the bundled CLI (`node dist/cli.js --help`) beside a bare `node -e 0`.
 *
 *   npm run bench:render
 */
import { execFileSync } from 'node:child_process';
import yaml from 'js-yaml';
import { parseConfig } from '../src/core/config.js';
import { imageReference } from '../src/core/image.js';
import { renderManifests, NO_SOURCE } from '../src/core/render.js';
import { toYamlDocument, type RenderedManifest } from '../src/core/manifest.js';

const OBJECTS = 10_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => void, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

// A large app: one template that emits a Deployment, Service, ConfigMap and ServiceAccount per
// entry of values.services, so all 10,000 objects are distinct (no cache can help).
const template = `{{#each values.services}}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{name}}
  namespace: {{../namespace}}
  labels: {app.kubernetes.io/name: {{name}}, app.kubernetes.io/part-of: {{../app}} }
spec:
  replicas: {{replicas}}
  selector: {matchLabels: {app.kubernetes.io/name: {{name}} }}
  template:
    metadata: {labels: {app.kubernetes.io/name: {{name}} }}
    spec:
      serviceAccountName: {{name}}
      containers:
        - name: app
          image: {{../image.ref}}
          ports: [{name: http, containerPort: {{port}} }]
          envFrom: [{configMapRef: {name: {{name}} }}]
          resources: {{toYaml resources}}
---
apiVersion: v1
kind: Service
metadata: {name: {{name}}, namespace: {{../namespace}} }
spec:
  selector: {app.kubernetes.io/name: {{name}} }
  ports: [{name: http, port: 80, targetPort: {{port}} }]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: {{name}}, namespace: {{../namespace}} }
data: {LOG_LEVEL: {{logLevel}}, PORT: "{{port}}"}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: {{name}}, namespace: {{../namespace}} }
{{/each}}
`;
const services = Array.from({ length: OBJECTS / 4 }, (_, i) => ({
  name: `svc-${i}`,
  replicas: 1 + (i % 5),
  port: 8000 + (i % 100),
  logLevel: i % 2 ? 'info' : 'debug',
  resources: { requests: { cpu: `${10 + (i % 90)}m`, memory: '64Mi' } },
}));
const config = parseConfig(
  'app: big\nimage: registry.example.com/acme/big\ntemplates: deploy\nenvironments:\n  prod: {repo: x, path: p, namespace: big}\n',
  'ferry.yaml',
);
const environment = { ...config.environments.prod!, values: { services } };
const templates = [{ name: 'deploy/services.yaml', text: template }];
const image = imageReference(config.image, '1.4.2');
const render = (): RenderedManifest[] =>
  renderManifests({ config, environment, image, source: NO_SOURCE, templates });
const objects = render().length;

const ferry = time(() => {
  for (const { object } of render()) toYamlDocument(object);
}, 5);

const sample = render().map((m) => m.object);
const baseline = time(() => {
  for (const object of sample) yaml.dump(object);
}, 5);

const node = process.execPath;
const coldCli = time(() => execFileSync(node, ['dist/cli.js', '--help'], { stdio: 'ignore' }), 9);
const coldNode = time(() => execFileSync(node, ['-e', '0'], { stdio: 'ignore' }), 9);

const rows = [
  ['measure', 'ferry', 'baseline', 'ratio'],
  [
    `render ${objects} objects (ms)`,
    ferry.toFixed(1),
    `${baseline.toFixed(1)} (js-yaml dump only)`,
    (ferry / baseline).toFixed(2),
  ],
  [
    'per object (µs)',
    ((ferry * 1000) / objects).toFixed(1),
    ((baseline * 1000) / objects).toFixed(1),
    '',
  ],
  [
    'cold start `--help` (ms)',
    coldCli.toFixed(1),
    `${coldNode.toFixed(1)} (node -e 0)`,
    (coldCli / coldNode).toFixed(2),
  ],
];
console.log(
  `node ${process.version}, ${objects} distinct objects from one template (4 kinds × ${services.length} services)\n`,
);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
