import { createServer } from 'node:net';

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The first free TCP port on 127.0.0.1 at or after `preferred`. */
export async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 200; port++) {
    if (await isFree(port)) return port;
  }
  throw new Error(`No free TCP port between ${preferred} and ${preferred + 199} on 127.0.0.1`);
}
