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
});
