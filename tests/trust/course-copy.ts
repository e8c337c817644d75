import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveConfig } from '../../src/lib/config.ts';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../../src/lib/diagnostics/index.ts';
import { checkProject } from '../../src/lib/project/index.ts';
import { FIXTURE_COURSE, ROOT } from '../support/paths.ts';

/** A private copy of the fixture course that a test may break, and ways to check it. */
export interface CourseCopy {
  dir: string;
  /** Replaces `from` by `to` in a file of the copy (path relative to the copy). */
  edit(file: string, from: string | RegExp, to: string): void;
  write(file: string, content: string | Uint8Array): void;
  /** Runs `checkProject` on the copy; diagnostics are formatted with paths relative to the copy. */
  check(): Promise<{ diagnostics: Diagnostic[]; lines: string[] }>;
  remove(): void;
}

/** Returns a fresh copy of tests/fixtures/course in a temporary folder. */
export function copyFixtureCourse(): CourseCopy {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trainbook-trust-'));
  cpSync(FIXTURE_COURSE, dir, { recursive: true });
  return {
    dir,
    edit(file, from, to) {
      const full = path.join(dir, file);
      const text = readFileSync(full, 'utf8');
      const next = text.replace(from, to);
      if (next === text) throw new Error(`copyFixtureCourse: \`${String(from)}\` not found in ${file}`);
      writeFileSync(full, next);
    },
    write(file, content) {
      writeFileSync(path.join(dir, file), content);
    },
    async check() {
      const config = resolveConfig(dir, { contentDir: path.join(dir, 'content'), bankDir: path.join(dir, 'question-bank') });
      const { diagnostics } = await checkProject(config);
      return { diagnostics, lines: sortDiagnostics(diagnostics).map((d) => formatDiagnostic(d).split('\n')[0]!) };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { ROOT };
