import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import net from 'node:net';

/** A redis-server on a free loopback port, started for one test file. */
export interface RedisServer {
  url: string;
  /**
   * Stops the server and resolves once the process has exited. Call it after the
   * backends that use it have stopped and their Redis clients have quit. Jest kills its workers without running
   * `exit` handlers, so a server left to the end of the process would outlive it.
   */
  stop(): Promise<void>;
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

/**
 * Sends SIGKILL and waits for the exit. The server starts with `--save ''` and
 * `--appendonly no`, so nothing is lost by skipping its shutdown.
 */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

/** Starts redis-server without persistence and waits until it responds to PING. */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );

  for (let attempt = 0; attempt < 100; attempt++) {
    if (await ping(port)) {
      // A fallback for a test file that fails before its afterAll runs.
      const killOnExit = () => child.kill('SIGKILL');
      process.once('exit', killOnExit);
      return {
        url: `redis://127.0.0.1:${port}`,
        stop: async () => {
          process.removeListener('exit', killOnExit);
          await stopProcess(child);
        },
      };
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not respond to PING on port ${port}; check that nothing else listens there`);
}
