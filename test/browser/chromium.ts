import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { SqliteLibrary } from '../../library/index.ts';
import { tempLibrary } from '../helpers.ts';

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

type App = Parameters<typeof serveAndLaunch>[0];

/** What one file's browser tests reach: Chromium and the served app's address, set before they run. */
export interface ServedApp {
  browser: Browser;
  base: string;
}

/**
 * Serves the app `build` makes over a temporary library, with Chromium, for the tests of one file:
 * started before all of them, stopped and removed after (nothing when Chromium is missing).
 */
export function serveForTests(build: (library: SqliteLibrary) => App | Promise<App>): ServedApp {
  const served = {} as ServedApp;
  let stop = () => {};
  beforeAll(async () => {
    if (!available) return;
    const { library, cleanup } = tempLibrary();
    const started = await serveAndLaunch(await build(library));
    served.browser = started.browser;
    served.base = started.base;
    stop = () => {
      started.stop();
      cleanup();
    };
  }, 60_000);
  afterAll(async () => {
    if (!available) return;
    await served.browser.close();
    stop();
  });
  return served;
}
