import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: IncomingMessage['headers'];
  url: string;
  body: string;
  json: unknown;
}

/** A tiny webhook receiver; `statuses` are answered in order, then 200. */
export async function startReceiver(statuses: number[] = []) {
  const received: ReceivedRequest[] = [];
  const queue = [...statuses];
  const waiters: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      received.push({ headers: req.headers, url: req.url ?? '', body, json });
      res.statusCode = queue.shift() ?? 200;
      res.end();
      waiters.splice(0).forEach(w => w());
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook?token=secret-token`,
    received,
    async waitFor(count: number, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline)
          throw new Error(
            `Only ${received.length} of ${count} requests arrived`,
          );
        await new Promise<void>(resolve => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return received;
    },
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
