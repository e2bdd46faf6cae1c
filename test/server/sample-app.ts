/**
 * The app over a temporary library of sample agreements, for route tests: made before each test
 * (`each: true`, for tests that write) or once for the file, and removed after.
 */

import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { SqliteLibrary } from '../../library/index.ts';
import { createApp } from '../../server/app.ts';
import { addSamples, tempLibrary } from '../helpers.ts';

export interface SampleApp {
  readonly app: ReturnType<typeof createApp>;
  readonly library: SqliteLibrary;
}

export function sampleApp(
  options: { files?: string[]; each?: boolean; apiToken?: string; today?: string } = {},
): SampleApp {
  let current: { app: ReturnType<typeof createApp>; library: SqliteLibrary; cleanup: () => void } | undefined;
  const made = () => {
    if (!current) throw new Error('sampleApp is read inside a test');
    return current;
  };
  (options.each ? beforeEach : beforeAll)(() => {
    const temp = tempLibrary();
    addSamples(temp.library, options.files);
    const today = options.today ?? '2026-11-23';
    const app = createApp({
      library: temp.library,
      ...(options.apiToken ? { apiToken: options.apiToken } : {}),
      today: () => today,
    });
    current = { app, library: temp.library, cleanup: temp.cleanup };
  }, 60_000);
  (options.each ? afterEach : afterAll)(() => {
    current?.cleanup();
    current = undefined;
  });
  return {
    get app() {
      return made().app;
    },
    get library() {
      return made().library;
    },
  };
}
