import { isFillAnswerCorrect } from '../lib/questions/answers.ts';
import { fillPlaceholders as fill } from '../lib/i18n/fill.ts';
import { indexToLetter } from '../lib/questions/question.ts';
import { permutationWithPins, shuffle } from '../lib/quiz/random.ts';
import type { AnswerKey } from '../lib/quiz/render.ts';
import { currentProgress, loadProgress, saveProgress } from './progress-store.ts';

type Key = AnswerKey;
type QuestionKey = Key & { id: string; rev: number; points?: number };
interface QuizData {
  key: string;
  mode: 'lesson' | 'practice';
  draw: number;
  questions: QuestionKey[];
  strings: Record<string, string>;
}

const $$ = <T extends Element>(root: ParentNode, selector: string) => [...root.querySelectorAll<T>(selector)];

/** Reorders a choice question's options in the page, keeping pinned ones in place, and re-letters them. */
function shuffleOptions(item: Element, key: Key, strings: Record<string, string>) {
  if (key.type !== 'single' && key.type !== 'multiple') return;
  const box = item.querySelector(':scope > fieldset .quiz-options');
  if (!box) return;
  const labels = $$<HTMLLabelElement>(box, ':scope > label');
  const order = permutationWithPins(key.pins, Math.random).map((i) => labels[i]!);
  order.forEach((label, position) => {
    box.append(label);
    label.querySelector('.quiz-letter')!.textContent = indexToLetter(position);
  });
  const shown = order.map((label) => Number(label.dataset.index));
  const answer = key.answer.map((i) => indexToLetter(shown.indexOf(i))).sort().join('');
  const keyText = item.querySelector(':scope > details .quiz-key');
  if (keyText) keyText.textContent = fill(strings['quiz.answer']!, { answer });
}

/** Returns the share of the item answered correctly (0–1), or null for self-assessed short answers. */
function mark(item: Element, key: Key, name: string): number | null {
  const values = (selector: string) => $$<HTMLInputElement>(item, `:scope > fieldset ${selector}`);
  switch (key.type) {
    case 'single':
    case 'multiple': {
      const chosen = values('input:checked').map((input) => Number(input.value)).sort();
      return chosen.join() === [...key.answer].sort().join() ? 1 : 0;
    }
    case 'truefalse':
      return values('input:checked')[0]?.value === String(key.answer) ? 1 : 0;
    case 'fill': {
      const blanks = values('input.quiz-blank');
      const right = blanks.filter((input, i) => isFillAnswerCorrect(input.value, key.answers[i] ?? []));
      return key.answers.length ? right.length / key.answers.length : 0;
    }
    case 'short':
      return null;
    case 'case': {
      const parts = $$(item, ':scope > ol.quiz-parts > li');
      // Parts count by their points, as on the printed paper; self-assessed parts are left out.
      let earned = 0;
      let possible = 0;
      key.parts.forEach((part, i) => {
        const score = markWithFeedback(parts[i]!, part, `${name}-p${i + 1}`);
        if (score === null) return;
        earned += score * part.points;
        possible += part.points;
      });
      return possible ? earned / possible : null;
    }
  }
}

let strings: Record<string, string> = {};

function isAnswered(item: Element): boolean {
  const inputs = $$<HTMLInputElement | HTMLTextAreaElement>(item, 'fieldset input, fieldset textarea');
  return inputs.some((input) => (input instanceof HTMLInputElement && (input.type === 'radio' || input.type === 'checkbox') ? input.checked : input.value.trim() !== ''));
}

function markWithFeedback(item: Element, key: Key, name: string): number | null {
  const score = mark(item, key, name);
  const answered = isAnswered(item);
  const feedback = item.querySelector<HTMLElement>(':scope > .quiz-feedback');
  if (feedback && key.type !== 'case') {
    const verdict = score === null ? strings['quiz.selfAssess'] : !answered ? strings['quiz.unanswered'] : score === 1 ? strings['quiz.correct'] : score > 0 ? strings['quiz.partial'] : strings['quiz.incorrect'];
    feedback.textContent = verdict!;
    feedback.className = `quiz-feedback ${score === null ? 'is-self' : score === 1 ? 'is-correct' : 'is-wrong'}`;
    feedback.hidden = false;
  }
  const solution = item.querySelector<HTMLDetailsElement>(':scope > details.quiz-solution');
  if (solution) solution.open = true;
  item.classList.add('is-marked');
  return score;
}

function setUpQuiz(section: HTMLElement) {
  const data = JSON.parse(section.querySelector('script.quiz-data')!.textContent!) as QuizData;
  strings = data.strings;
  const items = $$<HTMLLIElement>(section, ':scope > ol.quiz-questions > li');
  const [checkButton, retryButton] = $$<HTMLButtonElement>(section, '.quiz-actions button');
  const status = section.querySelector<HTMLElement>('.quiz-status')!;
  const sig = data.questions.map((q) => `${q.id}@${q.rev}`).join(',');
  let drawn: number[] = [];

  const start = () => {
    drawn = data.mode === 'practice' ? shuffle(items.map((_, i) => i), Math.random).slice(0, data.draw).sort((a, b) => a - b) : items.map((_, i) => i);
    items.forEach((item, i) => {
      item.hidden = !drawn.includes(i);
      item.classList.remove('is-marked');
      for (const input of $$<HTMLInputElement>(item, 'input, textarea')) {
        if (input.type === 'radio' || input.type === 'checkbox') input.checked = false;
        else input.value = '';
      }
      for (const feedback of $$<HTMLElement>(item, '.quiz-feedback')) feedback.hidden = true;
      for (const details of $$<HTMLDetailsElement>(item, 'details.quiz-solution')) details.open = false;
      const key = data.questions[i]!;
      shuffleOptions(item, key, strings);
      if (key.type === 'case') $$(item, ':scope > ol.quiz-parts > li').forEach((part, p) => shuffleOptions(part, key.parts[p]!, strings));
    });
    drawn.forEach((i, n) => (items[i]!.querySelector('.quiz-number')!.textContent = `${n + 1}.`));
    status.textContent = '';
    checkButton!.hidden = false;
    retryButton!.hidden = true;
  };

  checkButton!.addEventListener('click', () => {
    let earned = 0;
    let possible = 0;
    let correct = 0;
    let scored = 0;
    for (const i of drawn) {
      const key = data.questions[i]!;
      const score = markWithFeedback(items[i]!, key, items[i]!.id);
      if (score === null) continue;
      const weight = key.points ?? 1;
      earned += score * weight;
      possible += weight;
      scored += 1;
      if (score === 1) correct += 1;
    }
    checkButton!.hidden = true;
    retryButton!.hidden = false;
    // Only self-assessed short answers: nothing to score, and nothing to record as progress.
    if (!possible) {
      status.textContent = strings['quiz.selfAssess']!;
      status.focus();
      return;
    }
    const percent = Math.round((earned / possible) * 100);
    status.textContent = fill(strings['quiz.score']!, { score: percent, correct, total: scored });
    const store = loadProgress();
    const previous = currentProgress(store, data.key, sig);
    store.lessons[data.key] = { sig, best: Math.max(previous?.best ?? 0, percent), last: percent };
    saveProgress(store);
    status.focus();
  });
  retryButton!.addEventListener('click', () => {
    start();
    items[drawn[0]!]?.querySelector<HTMLElement>('input, textarea')?.focus();
  });

  currentProgress(loadProgress(), data.key, sig);
  section.classList.add('is-interactive');
  section.querySelector<HTMLElement>('.quiz-actions')!.hidden = false;
  status.tabIndex = -1;
  start();
}

for (const section of $$<HTMLElement>(document, 'section[data-quiz]')) setUpQuiz(section);
