/**
 * Expands the paths given on the command line: folders are walked for
 * `.md`, `.txt`, `.docx`, `.pdf` and image (`.png`, `.jpg`) files; files are taken as given (so a wrong format is
 * reported, not silently skipped).
 */

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface CollectedFiles {
  files: string[];
  missing: string[];
}

const DOCUMENT = /\.(md|markdown|txt|text|docx|pdf|png|jpe?g)$/i;

export function collectFiles(paths: readonly string[]): CollectedFiles {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      missing.push(path);
      continue;
    }
    if (stat.isDirectory()) {
      const found = readdirSync(path, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && DOCUMENT.test(e.name))
        .map((e) => join(e.parentPath, e.name))
        .sort();
      files.push(...found);
    } else {
      files.push(path);
    }
  }
  return { files: [...new Set(files)], missing };
}
