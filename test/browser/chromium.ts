import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (or CHROMIUM_PATH); browser tests skip themselves without it. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const available = existsSync(CHROMIUM);
if (!available)
  console.info(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

/**
 * Serves an app on a free loopback port and starts headless Chromium, with the flags this closed
 * network needs (no background connections).
 * @returns the browser, the server's address and how to stop the server
 */
export async function serveAndLaunch(app: {
  fetch: (request: Request) => Response | Promise<Response>;
}): Promise<{ browser: Browser; base: string; stop: () => void }> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return { browser, base, stop: () => server.close() };
}
