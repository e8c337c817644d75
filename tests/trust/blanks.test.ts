import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamFont } from '../../scripts/exam-font.ts';
import { resolveConfig } from '../../src/lib/config.ts';
import { formatDiagnostics } from '../../src/lib/diagnostics/index.ts';
import { assembleExam, parseBlueprint } from '../../src/lib/exam/index.ts';
import { generateExamFiles } from '../../src/lib/exam-pdf/index.ts';
import { createTranslator } from '../../src/lib/i18n/index.ts';
import { loadProject } from '../../src/lib/project/index.ts';
import { countRenderedBlanks, isFillAnswerCorrect, normaliseFillAnswer, parseQuestionFile, type Question } from '../../src/lib/questions/index.ts';
import { renderQuiz } from '../../src/lib/quiz/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { courseEnv, runScript } from '../support/run-script.ts';
import { serveStatic } from '../support/static-server.ts';

const COURSE = path.join(import.meta.dirname, 'fixtures', 'blanks-course');
const BANK_FILE = path.join(COURSE, 'question-bank', 'steps', 'blanks.yaml');
/** Blanks per question of the fixture: at the start, between brackets, alone on a line, two numbers. */
const BLANKS = { 'stp-001': 1, 'stp-002': 2, 'stp-003': 1, 'stp-004': 2 };

function questions(): Question[] {
  const parsed = parseQuestionFile(readFileSync(BANK_FILE, 'utf8'), 'blanks.yaml');
  expect(formatDiagnostics(parsed.diagnostics)).toBe('');
  return parsed.questions;
}

describe('fill-in blanks and Markdown', () => {
  it('counts every blank where Markdown would read underscores as a rule or emphasis', () => {
    for (const question of questions()) expect(countRenderedBlanks(question.stem), question.id).toBe(BLANKS[question.id as keyof typeof BLANKS]);
  });

  it('refuses a blank hidden in inline code, because nobody could fill it in', () => {
    const source = readFileSync(BANK_FILE, 'utf8').replace('stem: ____是处理投诉的第一步。', 'stem: "`____`是处理投诉的第一步。"');
    const { diagnostics } = parseQuestionFile(source, 'blanks.yaml');
    expect(formatDiagnostics(diagnostics)).toContain('blanks.yaml:8:11  error  Unexpected 1 blank(s) inside code, raw HTML or a link address, expected every `____` in the question text  question/hidden-blank');
  });

  it('renders one labelled input per blank in the quiz HTML', () => {
    const t = createTranslator('zh-CN');
    for (const question of questions()) {
      const html = toHtml(renderQuiz([question], { t, domId: 'q', progressKey: 'steps/order', mode: 'lesson' }));
      expect(html.match(/<input class="quiz-blank"/g)?.length ?? 0, question.id).toBe(BLANKS[question.id as keyof typeof BLANKS]);
      expect(html, question.id).not.toContain('<hr>');
      expect(html, question.id).not.toContain('\uE000');
    }
  });
});

describe('fill-in answers', () => {
  it('keeps answers exactly as the editor wrote them, whatever YAML would make of them', () => {
    const numbers = questions().find((q) => q.id === 'stp-004')!;
    expect(numbers.type === 'fill' && numbers.answers).toEqual([['0123'], ['1.50']]);
  });

  it('ignores trailing punctuation, surrounding quotes and full-width forms', () => {
    expect(normaliseFillAnswer('“道歉”。')).toBe('道歉');
    expect(normaliseFillAnswer('「倾听」，')).toBe('倾听');
    expect(normaliseFillAnswer('０１２３')).toBe('0123');
    expect(normaliseFillAnswer('"FCR".')).toBe('fcr');
    expect(normaliseFillAnswer('。')).toBe('。');
    expect(isFillAnswerCorrect('《道歉》', ['道歉'])).toBe(true);
    expect(isFillAnswerCorrect('123', ['0123'])).toBe(false);
    expect(isFillAnswerCorrect('1.5', ['1.50'])).toBe(false);
  });
});

describe('blanks on paper', () => {
  it('prints a line for every blank of every position, read back with pdftotext', async () => {
    const config = resolveConfig(COURSE, { contentDir: path.join(COURSE, 'content'), bankDir: path.join(COURSE, 'question-bank') });
    const { bank } = await loadProject(config);
    const blueprintFile = path.join(import.meta.dirname, 'fixtures', 'blanks-paper.yaml');
    const { parsed } = parseBlueprint(readFileSync(blueprintFile, 'utf8'), 'blanks-paper.yaml');
    const { exam, diagnostics } = assembleExam(bank, parsed!, { seed: 'blanks', variants: 1 });
    expect(formatDiagnostics(diagnostics)).toBe('');
    const { files } = await generateExamFiles(exam!, await loadExamFont(), { runId: 'blanks-paper-bank-2.1.0-seed-blanks' });
    const dir = mkdtempSync(path.join(tmpdir(), 'trainbook-blanks-'));
    try {
      const paper = path.join(dir, 'paper-A.pdf');
      writeFileSync(paper, files.find((f) => f.name === 'paper-A.pdf')!.bytes);
      const text = execFileSync('pdftotext', ['-layout', paper, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text).toContain('__________是处理投诉的第一步。');
      expect(text).toContain('处理投诉时，先（__________），再（__________）。');
      expect(text).toContain('客户情绪激动时，第一句话应当：__________然后再询问细节。');
      expect(text.match(/_{10}/g)).toHaveLength(6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('blanks on the built site, in Chromium', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'trainbook-blanks-site-'));
  let close = async () => {};
  let url = '';
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    const result = await runScript('build', ['--out', path.join(out, 'dist'), '--no-exams'], courseEnv(COURSE));
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    const site = await serveStatic(path.join(out, 'dist'), '/');
    url = site.url;
    close = () => site.close();
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await close();
    rmSync(out, { recursive: true, force: true });
  });

  it('shows an input for every blank and accepts answers with quotes, punctuation and full-width digits', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('steps/order/', url).href);
    const quiz = page.locator('section[data-quiz]');
    for (const [id, count] of Object.entries(BLANKS)) {
      expect(await quiz.locator(`[data-question="${id}@1"] input.quiz-blank`).count(), id).toBe(count);
    }
    const blanks = (id: string) => quiz.locator(`[data-question="${id}@1"] input.quiz-blank`);
    await blanks('stp-001').fill('“道歉”。');
    await blanks('stp-002').nth(0).fill('道歉，');
    await blanks('stp-002').nth(1).fill('聆听');
    await blanks('stp-003').fill('表示歉意！');
    await blanks('stp-004').nth(0).fill('０１２３');
    await blanks('stp-004').nth(1).fill('1.50');
    await quiz.getByRole('button', { name: '提交答案' }).click();
    expect(await quiz.locator('.quiz-status').textContent()).toBe('本次得分 100%：4/4 题答对');
    await page.close();
  });
});
