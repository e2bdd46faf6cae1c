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
  CBA_PARSE_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  CBA_PARSE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  CBA_SCAN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(600_000),
  CBA_PARSE_MEMORY_MB: z.coerce.number().int().min(32).max(16_384).default(512),
  CBA_PARSE_QUEUE: z.coerce.number().int().min(0).max(10_000).default(16),
  CBA_PDF_MAX_PAGES: z.coerce.number().int().min(1).max(100_000).default(2000),
  CBA_DOCX_MAX_UNPACKED_MB: z.coerce.number().int().min(1).max(4096).default(100),
  CBA_DOCX_MAX_PARAGRAPHS: z.coerce.number().int().min(1).max(10_000_000).default(50_000),
  CBA_TRUST_PROXY: flag.default(false),
  CBA_RATE_CHECK_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  CBA_RATE_REPORTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  CBA_RATE_AUTH_FAILURES: z.coerce.number().int().min(1).max(100_000).default(10),
  CBA_RATE_AUTH_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  CBA_PARSES_PER_CLIENT: z.coerce.number().int().min(1).max(1000).default(2),
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
  /** The parse worker pool: its size (min(2, CPUs) when undefined; 0 reads on the event loop, for benchmarks only) and what one task may cost. */
  parse: {
    workers: number | undefined;
    timeoutMs: number;
    scanTimeoutMs: number;
    memoryMb: number;
    /** Documents that may wait for a worker; more answer 503 with Retry-After. */
    maxQueue: number;
  };
  /** Caps checked before a PDF or Word document is read in full. */
  documentLimits: { maxPdfPages: number; maxDocxUnpackedBytes: number; maxDocxParagraphs: number };
  /** Abuse limits per client (server/rate-limits.ts). */
  limits: {
    /** Read the client's address from X-Forwarded-For (only behind a reverse proxy that sets it). */
    trustProxy: boolean;
    checksPerMinute: number;
    reportsPerMinute: number;
    /** Wrong tokens or passwords allowed per window before 429. */
    authFailures: number;
    authWindowMinutes: number;
    /** Documents one client may have being read at once. */
    parsesPerClient: number;
  };
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
    parse: {
      workers: e.CBA_PARSE_WORKERS,
      timeoutMs: e.CBA_PARSE_TIMEOUT_MS,
      scanTimeoutMs: e.CBA_SCAN_TIMEOUT_MS,
      memoryMb: e.CBA_PARSE_MEMORY_MB,
      maxQueue: e.CBA_PARSE_QUEUE,
    },
    documentLimits: {
      maxPdfPages: e.CBA_PDF_MAX_PAGES,
      maxDocxUnpackedBytes: e.CBA_DOCX_MAX_UNPACKED_MB * 1024 * 1024,
      maxDocxParagraphs: e.CBA_DOCX_MAX_PARAGRAPHS,
    },
    limits: {
      trustProxy: e.CBA_TRUST_PROXY,
      checksPerMinute: e.CBA_RATE_CHECK_PER_MINUTE,
      reportsPerMinute: e.CBA_RATE_REPORTS_PER_MINUTE,
      authFailures: e.CBA_RATE_AUTH_FAILURES,
      authWindowMinutes: e.CBA_RATE_AUTH_WINDOW_MINUTES,
      parsesPerClient: e.CBA_PARSES_PER_CLIENT,
    },
  };
}
