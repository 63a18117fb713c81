import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import net from 'node:net';

/**
 * A redis-server on a free loopback port, started for one test file. It stops when
 * the test process exits: the Redis clients of a stopped Backstage backend stay
 * connected, and stopping Redis under them fails the test file with a socket error.
 */
export interface RedisServer {
  url: string;
}

/** Returns true when the `redis-server` binary is on the PATH. */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version']).status === 0;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function ping(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', data => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts redis-server without persistence and waits until it answers PING. */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );

  for (let attempt = 0; attempt < 100; attempt++) {
    if (await ping(port)) {
      process.once('exit', () => child.kill('SIGTERM'));
      return { url: `redis://127.0.0.1:${port}` };
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer PING on port ${port}`);
}
