import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { TestContext } from 'node:test';

/**
 * An HTTP CONNECT proxy, as corporate networks run them: tunnels to any host, after `resolve`
 * maps its name (a proxy may reach names the client cannot). Records each tunnel's target.
 */
export async function startConnectProxy(
  t: TestContext,
  resolve: (host: string) => string = (host) => host,
): Promise<{ url: string; connects: string[] }> {
  const connects: string[] = [];
  const proxy = createServer();
  proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    const target = new URL(`http://${req.url ?? ''}`);
    const upstream = connect(Number(target.port), resolve(target.hostname), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  t.after(() => {
    proxy.closeAllConnections();
    proxy.close();
  });
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, connects };
}
