import { describe, expect, it } from 'vitest';
import { readConfig } from '../../service/index.ts';

describe('readConfig: what a server starts with', () => {
  it('listens on loopback by default and links to localhost', () => {
    const config = readConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('takes the public address from CBA_PUBLIC_URL, without a trailing slash', () => {
    expect(readConfig({ CBA_PUBLIC_URL: 'https://thoauoc.congdoan.example/' }).publicUrl).toBe(
      'https://thoauoc.congdoan.example',
    );
    expect(() => readConfig({ CBA_PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/CBA_PUBLIC_URL/);
  });

  it.each([
    ['a token shorter than 32 characters', 'short-token-0123456789', /at least 32/],
    ['the README example token', 'change-me-to-a-long-secret-0123456789', /README example/],
  ])('refuses %s at start', (_, token, message) => {
    expect(() => readConfig({ CBA_API_TOKEN: token })).toThrow(message);
  });

  it('accepts a long random token', () => {
    const token = 'f'.repeat(64);
    expect(readConfig({ CBA_API_TOKEN: token }).apiToken).toBe(token);
  });

  it('bounds what a document and a client may cost by default, and reads the limits from the environment', () => {
    const defaults = readConfig({});
    expect(defaults.parse).toEqual({
      workers: undefined,
      timeoutMs: 20_000,
      scanTimeoutMs: 600_000,
      memoryMb: 512,
      maxQueue: 16,
    });
    expect(defaults.documentLimits).toEqual({
      maxPdfPages: 2000,
      maxDocxUnpackedBytes: 100 * 1024 * 1024,
      maxDocxParagraphs: 50_000,
    });
    expect(defaults.limits).toMatchObject({ trustProxy: false, checksPerMinute: 30, parsesPerClient: 2 });
    const set = readConfig({
      CBA_PARSE_WORKERS: '4',
      CBA_PARSE_TIMEOUT_MS: '5000',
      CBA_PDF_MAX_PAGES: '300',
      CBA_TRUST_PROXY: '1',
      CBA_RATE_AUTH_FAILURES: '5',
    });
    expect(set.parse).toMatchObject({ workers: 4, timeoutMs: 5000 });
    expect(set.documentLimits.maxPdfPages).toBe(300);
    expect(set.limits).toMatchObject({ trustProxy: true, authFailures: 5 });
    expect(() => readConfig({ CBA_PARSE_TIMEOUT_MS: '10' })).toThrow(/CBA_PARSE_TIMEOUT_MS/);
  });
});
