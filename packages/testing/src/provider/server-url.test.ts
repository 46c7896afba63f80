// A bad DATABASE_URL fails fast and says where it tried.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from './ports';
import { checkServer } from './server-url';

describe('checkServer (DATABASE_URL)', () => {
  test('a refused connection names host and port', async () => {
    const port = await freePort(47000);
    await expect(checkServer(`postgres://app@127.0.0.1:${port}/b2b`)).rejects.toThrow(
      `Cannot reach PostgreSQL at 127.0.0.1:${port} (from DATABASE_URL)`,
    );
  });

  describe('a server that accepts but never answers', () => {
    let silent: Server;
    let port: number;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      port = await freePort(47100);
      silent = createServer((socket) => sockets.push(socket)); // accepts TCP, never speaks the protocol
      await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });

    test('gives up after the connection timeout (10 s), naming host and port', {
      timeout: 20_000,
    }, async () => {
      await expect(checkServer(`postgres://app@127.0.0.1:${port}/b2b`)).rejects.toThrow(
        new RegExp(`127\\.0\\.0\\.1:${port}.*timeout`, 'i'),
      );
    });
  });

  test('a malformed URL is refused with the expected shape', async () => {
    await expect(checkServer('not a url')).rejects.toThrow('postgres://user@host:port/db');
  });
});

describe('freePort', () => {
  test('a taken port is skipped', async () => {
    const taken = await freePort(47200);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(taken, '127.0.0.1', resolve));
    try {
      expect(await freePort(taken)).toBeGreaterThan(taken);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
