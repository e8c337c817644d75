import { createHash } from 'node:crypto';
import { readdir, readFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import { fingerprintQuestion } from '../lib/bank/index.ts';
import { formatDiagnostics } from '../lib/diagnostics/index.ts';
import type { TrainbookConfig } from '../lib/config.ts';
import { loadProject } from '../lib/project/index.ts';
import type { QuestionBank } from '../lib/questions/index.ts';

/** The minimal slice of Vite's dev server the bank reload uses. */
export interface DevServer {
  watcher: { add(path: string): void; on(event: 'change' | 'add' | 'unlink', listener: (file: string) => void): void };
  ws: { send(payload: unknown): void };
  config: { logger: { info(message: string): void; error(message: string): void } };
}

/**
 * Returns a fingerprint of everything in the bank a rendered quiz shows (ids, revisions, content,
 * visibility), which the lesson loader mixes into each lesson's digest (src/content.config.ts).
 */
export function bankSignature(bank: QuestionBank): string {
  const hash = createHash('sha256');
  for (const question of bank.questions) hash.update(`${question.id}@${question.rev}:${fingerprintQuestion(question)}:${question.visibility}:${question.retired}\n`);
  return hash.digest('hex');
}

async function lessonsWithQuizzes(contentDir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(contentDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.mdx?$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (/::quiz|<Quiz/.test(await readFile(file, 'utf8'))) files.push(file);
  }
  return files;
}

/**
 * For `npm run dev`: watches question-bank/ and on every change reloads and checks the bank,
 * shows problems in the terminal and the browser overlay (keeping the last good bank, so the
 * server never crashes), then calls `onReload` with the new bank and re-renders lessons with quizzes.
 */
export function watchQuestionBank(server: DevServer, config: TrainbookConfig, onReload: (bank: QuestionBank) => Promise<void>): void {
  server.watcher.add(config.bankDir);
  let timer: NodeJS.Timeout | undefined;
  const reload = async () => {
    const { bank, diagnostics } = await loadProject(config);
    // Only the bank's own problems keep the old bank; a lesson's error is Astro's to show.
    const errors = diagnostics.filter((d) => d.severity === 'error' && path.resolve(config.rootDir, d.file).startsWith(config.bankDir + path.sep));
    if (errors.length) {
      const text = formatDiagnostics(errors);
      server.config.logger.error(`\n${text}\n(the site keeps the last valid question bank until these are fixed)`);
      server.ws.send({ type: 'error', err: { message: text, stack: '', plugin: 'trainbook' } });
      return;
    }
    await onReload(bank);
    // MDX lessons are Vite modules compiled from their files; touching them makes Vite compile them again.
    const now = new Date();
    for (const file of await lessonsWithQuizzes(config.contentDir)) await utimes(file, now, now);
    server.config.logger.info(`question bank reloaded: ${bank.questions.length} questions`);
    server.ws.send({ type: 'full-reload' });
  };
  const onChange = (file: string) => {
    if (!path.resolve(file).startsWith(config.bankDir + path.sep)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), 150);
  };
  server.watcher.on('change', onChange);
  server.watcher.on('add', onChange);
  server.watcher.on('unlink', onChange);
}
