/**
 * A real Kubernetes control plane on loopback for tests and the local demo: etcd,
 * kube-apiserver, kube-controller-manager, kube-scheduler and kwok (fake nodes and kubelets),
 * started from binaries that test/cluster/build.sh builds from Go modules.
 *
 * Every process is started by PID and stopped by PID; state (ports, PIDs, logs, kubeconfig)
 * lives in one folder so a later `cluster:down` can stop what `cluster:up` started.
 */
import { spawn, execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const here = import.meta.dirname;

export interface ClusterState {
  /** Folder holding kubeconfig, logs, certificates and etcd data. */
  dir: string;
  kubeconfig: string;
  /** Folder of the binaries, kubectl among them. */
  binDir: string;
  /** Kubernetes version of the control plane, e.g. `v1.34.4`. */
  version: string;
  server: string;
  token: string;
  /** Started processes, in start order. */
  processes: { name: string; pid: number; binary: string }[];
}

export interface StartOptions {
  /** Folder for state; reused by stop(). */
  dir: string;
  /** Prints progress lines; default: none. */
  log?: (line: string) => void;
}

/** Builds missing binaries (cached outside the repo) and returns their folder. */
export async function ensureBinaries(log: (line: string) => void = () => {}): Promise<string> {
  log('checking control plane binaries (first build compiles Kubernetes: several minutes)');
  const child = spawn('bash', [join(here, 'build.sh')], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`test/cluster/build.sh failed with exit code ${code}`);
  return out.trim().split('\n').pop()!;
}

/** The version of a kube-apiserver binary (`Kubernetes v1.37.2` → v1.37.2, minor 37). */
async function serverVersion(bin: string): Promise<{ version: string; minor: number }> {
  const { stdout } = await promisify(execFile)(join(bin, 'kube-apiserver'), ['--version']);
  const match = /^Kubernetes (v1\.(\d+)\.\S+)$/.exec(stdout.trim());
  if (!match) throw new Error(`unexpected kube-apiserver --version: ${stdout}`);
  return { version: match[1]!, minor: Number(match[2]) };
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** GET an https or http URL; resolves with the status code (0 when unreachable). */
async function probe(url: string, token?: string): Promise<number> {
  if (url.startsWith('http:')) {
    try {
      return (await fetch(url, { signal: AbortSignal.timeout(2000) })).status;
    } catch {
      return 0;
    }
  }
  return new Promise((done) => {
    const req = request(
      url,
      {
        rejectUnauthorized: false,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        timeout: 2000,
      },
      (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      },
    );
    req.on('error', () => done(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

function startProcess(state: ClusterState, name: string, binary: string, args: string[]): void {
  const logFile = openSync(join(state.dir, 'logs', `${name}.log`), 'a');
  // detached: the control plane outlives `cluster:up`, and Ctrl-C in a test run reaches us first.
  const child = spawn(binary, args, { stdio: ['ignore', logFile, logFile], detached: true });
  child.unref();
  if (child.pid === undefined) throw new Error(`could not start ${name}`);
  state.processes.push({ name, pid: child.pid, binary });
}

function kubeconfigYaml(server: string, caData: string, token: string): string {
  return `apiVersion: v1
kind: Config
clusters:
  - name: ferry-local
    cluster:
      server: ${server}
      certificate-authority-data: ${caData}
users:
  - name: ferry-admin
    user:
      token: ${token}
contexts:
  - name: ferry-local
    context: {cluster: ferry-local, user: ferry-admin}
current-context: ferry-local
`;
}

/** Starts the whole control plane and waits until it is healthy and the fake node is Ready. */
export async function startCluster(options: StartOptions): Promise<ClusterState> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const bin = await ensureBinaries(log);
  const { version, minor } = await serverVersion(bin);
  const dir = resolve(options.dir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'logs'), { recursive: true });
  await mkdir(join(dir, 'certs'), { recursive: true });
  const [etcdPort, etcdPeerPort, apiPort, cmPort, schedPort, kwokPort] = await Promise.all(
    Array.from({ length: 6 }, freePort),
  );
  const token = randomBytes(24).toString('hex');
  const server = `https://127.0.0.1:${apiPort}`;
  const state: ClusterState = {
    dir,
    kubeconfig: join(dir, 'kubeconfig'),
    binDir: bin,
    version,
    server,
    token,
    processes: [],
  };
  try {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await writeFile(
      join(dir, 'certs', 'sa.pub'),
      publicKey.export({ type: 'spki', format: 'pem' }),
    );
    await writeFile(
      join(dir, 'certs', 'sa.key'),
      privateKey.export({ type: 'pkcs8', format: 'pem' }),
      { mode: 0o600 },
    );
    await writeFile(
      join(dir, 'tokens.csv'),
      `${token},ferry-admin,ferry-admin,"system:masters"\n`,
      {
        mode: 0o600,
      },
    );

    const t0 = Date.now();
    const etcdUrl = `http://127.0.0.1:${etcdPort}`;
    const peerUrl = `http://127.0.0.1:${etcdPeerPort}`;
    startProcess(state, 'etcd', join(bin, 'etcd'), [
      '--data-dir',
      join(dir, 'etcd'),
      '--listen-client-urls',
      etcdUrl,
      '--advertise-client-urls',
      etcdUrl,
      '--listen-peer-urls',
      peerUrl,
      '--initial-advertise-peer-urls',
      peerUrl,
      '--initial-cluster',
      `default=${peerUrl}`,
      '--unsafe-no-fsync',
      '--log-level',
      'warn',
    ]);
    await waitFor('etcd', async () => (await probe(`${etcdUrl}/health`)) === 200, 30_000);
    log(`etcd healthy in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

    const t1 = Date.now();
    startProcess(state, 'kube-apiserver', join(bin, 'kube-apiserver'), [
      '--etcd-servers',
      etcdUrl,
      '--bind-address',
      '127.0.0.1',
      '--advertise-address',
      '127.0.0.1',
      '--secure-port',
      String(apiPort),
      '--cert-dir',
      join(dir, 'certs'),
      '--token-auth-file',
      join(dir, 'tokens.csv'),
      '--authorization-mode',
      'RBAC',
      '--service-account-issuer',
      'https://kubernetes.default.svc.cluster.local',
      '--service-account-key-file',
      join(dir, 'certs', 'sa.pub'),
      '--service-account-signing-key-file',
      join(dir, 'certs', 'sa.key'),
      '--service-cluster-ip-range',
      '10.96.0.0/16',
      '--allow-privileged',
      // From 1.37 the endpoint reconciler refuses a loopback advertise address; nothing here
      // reaches the API server through the `kubernetes` Service, so it needs no endpoints.
      ...(minor >= 37 ? ['--endpoint-reconciler-type', 'none'] : []),
      '--v',
      '1',
    ]);
    await waitFor(
      'kube-apiserver',
      async () => (await probe(`${server}/readyz`, token)) === 200,
      90_000,
    );
    log(`kube-apiserver ready in ${((Date.now() - t1) / 1000).toFixed(1)}s`);

    const ca = readFileSync(join(dir, 'certs', 'apiserver.crt'));
    await writeFile(state.kubeconfig, kubeconfigYaml(server, ca.toString('base64'), token), {
      mode: 0o600,
    });
    startProcess(state, 'kube-controller-manager', join(bin, 'kube-controller-manager'), [
      '--kubeconfig',
      state.kubeconfig,
      '--authentication-kubeconfig',
      state.kubeconfig,
      '--authorization-kubeconfig',
      state.kubeconfig,
      '--bind-address',
      '127.0.0.1',
      '--secure-port',
      String(cmPort),
      '--leader-elect=false',
      '--service-account-private-key-file',
      join(dir, 'certs', 'sa.key'),
      '--root-ca-file',
      join(dir, 'certs', 'apiserver.crt'),
      // Every controller but node IPAM (no pod CIDRs here). The cloud controllers do nothing
      // without a cloud provider, and naming them fails from 1.37, which removed them.
      '--controllers',
      '*,-nodeipam',
      // kwok renews the fake node's heartbeat from this same busy 2-core machine: with the 40 s
      // default, a late renewal marks the node NotReady and every pod unready mid-test.
      '--node-monitor-grace-period=5m',
    ]);
    startProcess(state, 'kube-scheduler', join(bin, 'kube-scheduler'), [
      '--kubeconfig',
      state.kubeconfig,
      '--authentication-kubeconfig',
      state.kubeconfig,
      '--authorization-kubeconfig',
      state.kubeconfig,
      '--bind-address',
      '127.0.0.1',
      '--secure-port',
      String(schedPort),
      '--leader-elect=false',
    ]);
    startProcess(state, 'kwok', join(bin, 'kwok'), [
      '--kubeconfig',
      state.kubeconfig,
      '--manage-all-nodes=false',
      '--manage-nodes-with-annotation-selector',
      'kwok.x-k8s.io/node=fake',
      '--server-address',
      `127.0.0.1:${kwokPort}`,
      '--cidr',
      '10.244.0.1/24',
      '--node-ip',
      '10.244.0.1',
    ]);
    await saveState(state);
    await createFakeNode(state, bin);
    log(
      `control plane ${version} ready in ${((Date.now() - started) / 1000).toFixed(1)}s: ${state.kubeconfig}`,
    );
    return state;
  } catch (error) {
    await stopCluster(state);
    throw error;
  }
}

const execFileAsync = promisify(execFile);

async function kubectl(
  state: ClusterState,
  bin: string,
  args: string[],
  input?: string,
): Promise<string> {
  const child = execFileAsync(join(bin, 'kubectl'), ['--kubeconfig', state.kubeconfig, ...args]);
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  return (await child).stdout;
}

/**
 * Registers one fake node that kwok answers for, and waits until it is Ready and the node
 * lifecycle controller has lifted the not-ready taint the API server adds on creation.
 */
async function createFakeNode(state: ClusterState, bin: string): Promise<void> {
  const node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'kwok-node-0',
      annotations: { 'kwok.x-k8s.io/node': 'fake', 'node.alpha.kubernetes.io/ttl': '0' },
      labels: {
        type: 'kwok',
        'kubernetes.io/hostname': 'kwok-node-0',
        'kubernetes.io/os': 'linux',
      },
    },
    status: {
      allocatable: { cpu: '64', memory: '256Gi', pods: '500' },
      capacity: { cpu: '64', memory: '256Gi', pods: '500' },
    },
  };
  await kubectl(state, bin, ['apply', '-f', '-'], JSON.stringify(node));
  await waitFor(
    'the kwok node to be Ready and untainted',
    async () => {
      const out = await kubectl(state, bin, [
        'get',
        'node',
        'kwok-node-0',
        '-o',
        'jsonpath={.status.conditions[?(@.type=="Ready")].status}/{.spec.taints}',
      ]).catch(() => '');
      return out.trim() === 'True/';
    },
    60_000,
  );
}

async function saveState(state: ClusterState): Promise<void> {
  await writeFile(join(state.dir, 'state.json'), JSON.stringify(state, null, 2));
}

/** Reads the state of a cluster started earlier into `dir`, if any. */
export async function loadState(dir: string): Promise<ClusterState | undefined> {
  const file = join(resolve(dir), 'state.json');
  if (!existsSync(file)) return undefined;
  return JSON.parse(await readFile(file, 'utf8')) as ClusterState;
}

/** Whether a started cluster still answers. */
export async function isHealthy(state: ClusterState): Promise<boolean> {
  return (await probe(`${state.server}/readyz`, state.token)) === 200;
}

/** True when `pid` is alive and still runs `binary` (a reused PID is never ours to kill). */
function isOurs(pid: number, binary: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.split('\0')[0] === binary;
  } catch {
    return false;
  }
}

/** Stops every process the cluster started, by PID, newest first; removes nothing else. */
export async function stopCluster(state: ClusterState): Promise<void> {
  for (const { pid, binary } of [...state.processes].reverse()) {
    if (!isOurs(pid, binary)) continue;
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (isOurs(pid, binary) && Date.now() < deadline) await sleep(100);
    if (isOurs(pid, binary)) process.kill(pid, 'SIGKILL');
  }
  state.processes = [];
  if (existsSync(state.dir)) await saveState(state);
}
