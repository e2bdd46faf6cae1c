import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
let child: ChildProcess;
let dataDir: string;
let base: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer ${url}`);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cba-start-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CBA_DATA_DIR: dataDir, CBA_API_TOKEN: '' },
    stdio: 'ignore',
  });
  await waitForHealth(`${base}/api/health`, Date.now() + 45_000);
}, 50_000);

afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start on an empty data directory', () => {
  it('listens on PORT with the sample library loaded, read-only without a token', async () => {
    const health = (await (await fetch(`${base}/api/health`)).json()) as {
      counts: { agreements: number };
      writesEnabled: boolean;
    };
    expect(health.counts.agreements).toBe(16);
    expect(health.writesEnabled).toBe(false);
    const list = (await (await fetch(`${base}/api/agreements?industry=det-may`)).json()) as {
      items: Array<{ id: string }>;
    };
    expect(list.items.map((i) => i.id)).toEqual(['det-may-phu-hung-2024', 'det-may-phu-hung-2021']);
  });
});
