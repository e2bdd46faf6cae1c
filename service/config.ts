/**
 * Configuration from environment variables, validated once at start-up: one
 * reader for the server and the command line, so a variable means the same to both.
 */

import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** The token the README shows as an example: anyone who read it knows it. */
export const EXAMPLE_TOKEN = 'change-me-to-a-long-secret';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Loopback unless told otherwise: serving a network goes through a TLS reverse proxy (README).
  HOST: z.string().min(1).default('127.0.0.1'),
  CBA_DATA_DIR: z.string().min(1).default('./data'),
  CBA_API_TOKEN: z
    .string()
    .min(32, 'CBA_API_TOKEN must be at least 32 characters (e.g. `openssl rand -hex 32`)')
    .refine(
      (t) => !t.startsWith(EXAMPLE_TOKEN),
      'CBA_API_TOKEN is the README example: choose a secret of your own',
    )
    .optional(),
  CBA_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'CBA_PUBLIC_URL must be an http(s) URL' }).optional(),
  CBA_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(512 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  CBA_SEED: flag.default(true),
  CBA_SAMPLE_DIR: z.string().min(1).default('./fixtures/agreements'),
  MEILI_URL: z.url({ protocol: /^https?$/, error: 'MEILI_URL must be an http(s) URL' }).optional(),
  MEILI_API_KEY: z.string().min(1).optional(),
  CBA_RUBRIC: z.string().min(1).optional(),
  CBA_DEFAULT_VISIBILITY: z.enum(['public', 'internal', 'summary']).default('public'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Bearer token for writes; writes are refused when unset. */
  apiToken: string | undefined;
  maxUploadBytes: number;
  /** Load the sample library into an empty library at start-up. */
  seed: boolean;
  sampleDir: string;
  /** Meilisearch for search when set; the embedded SQLite index otherwise. */
  meili: { url?: string; apiKey?: string };
  /** A grading rubric file replacing the bundled provisional one. */
  rubricFile: string | undefined;
  /** The address users reach the server at, for absolute links (calendar events); never read from Host. */
  publicUrl: string;
  /** The visibility of new agreements: public (default), internal (signed-in users) or summary (no text for anonymous readers). */
  defaultVisibility: 'public' | 'internal' | 'summary';
}

/**
 * Reads the configuration.
 * @throws Error listing every invalid variable
 */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.CBA_DATA_DIR,
    apiToken: e.CBA_API_TOKEN,
    maxUploadBytes: e.CBA_MAX_UPLOAD_BYTES,
    seed: e.CBA_SEED,
    sampleDir: e.CBA_SAMPLE_DIR,
    meili: {
      ...(e.MEILI_URL ? { url: e.MEILI_URL } : {}),
      ...(e.MEILI_API_KEY ? { apiKey: e.MEILI_API_KEY } : {}),
    },
    rubricFile: e.CBA_RUBRIC,
    defaultVisibility: e.CBA_DEFAULT_VISIBILITY,
    publicUrl: (e.CBA_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
  };
}
