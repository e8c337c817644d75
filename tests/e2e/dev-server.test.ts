import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_COURSE, ROOT } from '../support/paths.ts';
import { courseEnv } from '../support/run-script.ts';

let course: string;
let server: ChildProcess;
let base: string;
let log = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function page(pathname: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${base}${pathname}`);
  return { status: response.status, text: await response.text() };
}

/** Polls a page until `predicate` holds, as an editor would keep looking at the browser. */
async function waitFor(pathname: string, predicate: (text: string) => boolean, timeoutMs = 30_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    try {
      last = (await page(pathname)).text;
      if (predicate(last)) return last;
    } catch {
      // The server is still starting.
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  throw new Error(`timed out waiting for ${pathname}\n--- server log ---\n${log.slice(-3000)}`);
}

const questions = () => path.join(course, 'question-bank/basics/questions.yaml');

beforeAll(async () => {
  course = await mkdtemp(path.join(tmpdir(), 'trainbook-dev-'));
  await cp(FIXTURE_COURSE, course, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, ...courseEnv(course), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (log += chunk));
  server.stderr!.on('data', (chunk) => (log += chunk));
  await waitFor('/basics/first-steps/', (text) => text.includes('工单的主要用途是什么'), 90_000);
}, 120_000);

afterAll(async () => {
  server?.kill('SIGTERM');
  await rm(course, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('shows drafts while editing', async () => {
    expect((await page('/basics/draft-lesson/')).text).toContain('DRAFT-SECRET-TEXT');
  });

  it('re-renders a lesson when its file changes', async () => {
    const lesson = path.join(course, 'content/basics/first-steps.md');
    await writeFile(lesson, (await readFile(lesson, 'utf8')).replace('工单是记录客户问题的载体', '工单是记录和跟进客户问题的载体'));
    await waitFor('/basics/first-steps/', (text) => text.includes('工单是记录和跟进客户问题的载体'));
  });

  it('reloads the question bank, and keeps the last valid bank while a change is invalid', async () => {
    const original = await readFile(questions(), 'utf8');
    // A content change without a new rev is refused; the page keeps the released question.
    await writeFile(questions(), original.replace('工单的主要用途是什么？', '工单最重要的作用是什么？'));
    await waitFor('/basics/first-steps/', () => log.includes('bank/rev-not-bumped'));
    expect((await page('/basics/first-steps/')).text).toContain('工单的主要用途是什么');
    // With the rev raised, the quiz shows the new text.
    await writeFile(questions(), original.replace('工单的主要用途是什么？', '工单最重要的作用是什么？').replace(/id: bas-001\n    rev: 2/, 'id: bas-001\n    rev: 3'));
    const text = await waitFor('/basics/first-steps/', (t) => t.includes('工单最重要的作用是什么'));
    expect(text).toContain('data-question="bas-001@3"');
  }, 60_000);
});
