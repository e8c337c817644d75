import { execFile } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './paths.ts';

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/<name>.ts …args` the way `npm run` does and returns its exit code and output. */
export function runScript(name: string, args: string[] = [], env: Record<string, string> = {}): Promise<ScriptResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'scripts', `${name}.ts`), ...args],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** Environment that points the scripts at a course folder holding `content/` and `question-bank/`. */
export function courseEnv(courseDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    TRAINBOOK_CONTENT_DIR: path.join(courseDir, 'content'),
    TRAINBOOK_BANK_DIR: path.join(courseDir, 'question-bank'),
    ...extra,
  };
}
