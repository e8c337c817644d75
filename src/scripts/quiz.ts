import { isFillAnswerCorrect } from '../lib/questions/answers.ts';
import { fillPlaceholders as fill } from '../lib/i18n/fill.ts';
import { indexToLetter } from '../lib/questions/question.ts';
import { permutationWithPins, shuffle } from '../lib/quiz/random.ts';
import type { AnswerKey } from '../lib/quiz/render.ts';
import { currentRecord, loadProgress, saveProgress } from './progress-store.ts';
import { recordAnswer, loadMistakes } from './mistakes-store.ts';

type Key = AnswerKey;
type QuestionKey = Key & { id: string; rev: number; points?: number };
interface QuizData {
  key: string;
  mode: 'lesson' | 'practice' | 'mistakes';
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

/** True when every part of a question has an answer (each blank filled, a case's every part answered). */
function isComplete(item: Element): boolean {
  const parts = $$(item, ':scope > ol.quiz-parts > li');
  if (parts.length) return parts.every(isComplete);
  const blanks = $$<HTMLInputElement>(item, ':scope > fieldset input.quiz-blank');
  if (blanks.length) return blanks.every((input) => input.value.trim() !== '');
  return isAnswered(item);
}

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
  markOptions(item, key);
  const solution = item.querySelector<HTMLDetailsElement>(':scope > details.quiz-solution');
  if (solution) solution.open = true;
  item.classList.add('is-marked');
  return score;
}

/** Marks the right options and the wrongly chosen ones on the options themselves, in words too. */
function markOptions(item: Element, key: Key) {
  if (key.type !== 'single' && key.type !== 'multiple' && key.type !== 'truefalse') return;
  for (const label of $$<HTMLLabelElement>(item, ':scope > fieldset .quiz-option')) {
    const input = label.querySelector('input')!;
    const right = key.type === 'truefalse' ? input.value === String(key.answer) : key.answer.includes(Number(input.value));
    label.classList.toggle('is-answer', right);
    label.classList.toggle('is-wrong-choice', input.checked && !right);
    label.querySelector('.quiz-option-verdict')?.remove();
    if (right || input.checked) {
      const verdict = document.createElement('span');
      verdict.className = 'quiz-option-verdict';
      verdict.textContent = right ? strings['quiz.rightChoice']! : strings['quiz.yourChoice']!;
      label.append(verdict);
    }
  }
}

/** Answers stay as checked until “retry”. */
function lock(item: Element, locked: boolean) {
  for (const input of $$<HTMLInputElement | HTMLTextAreaElement>(item, 'input, textarea')) input.disabled = locked;
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
    if (data.mode === 'mistakes') {
      // The mistakes page holds every practice question; it shows those still in this browser's list.
      const wrong = loadMistakes();
      drawn = items.map((_, i) => i).filter((i) => wrong[`${data.questions[i]!.id}@${data.questions[i]!.rev}`]);
      section.hidden = drawn.length === 0;
      document.querySelector<HTMLElement>('[data-mistakes-empty]')?.toggleAttribute('hidden', drawn.length > 0);
    } else drawn = data.mode === 'practice' ? shuffle(items.map((_, i) => i), Math.random).slice(0, data.draw).sort((a, b) => a - b) : items.map((_, i) => i);
    items.forEach((item, i) => {
      item.hidden = !drawn.includes(i);
      item.classList.remove('is-marked');
      lock(item, false);
      for (const label of $$(item, '.quiz-option')) label.classList.remove('is-answer', 'is-wrong-choice');
      for (const verdict of $$(item, '.quiz-option-verdict')) verdict.remove();
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
    // An unanswered question would count as wrong: say so and record nothing.
    const open = drawn.filter((i) => !isComplete(items[i]!));
    if (open.length) {
      status.textContent = fill(strings['quiz.unansweredBlock']!, { n: open.length });
      status.focus();
      items[open[0]!]!.querySelector<HTMLElement>('input, textarea')?.focus();
      return;
    }
    let earned = 0;
    let possible = 0;
    let correct = 0;
    let scored = 0;
    for (const i of drawn) {
      const key = data.questions[i]!;
      const score = markWithFeedback(items[i]!, key, items[i]!.id);
      lock(items[i]!, true);
      if (score === null) continue;
      recordAnswer(`${key.id}@${key.rev}`, score === 1, { title: document.title, url: location.pathname });
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
    if (data.mode !== 'mistakes') {
      const store = loadProgress();
      const previous = currentRecord(store, data.key, sig);
      store.quizzes[data.key] = { sig, best: Math.max(previous?.best ?? 0, percent), last: percent };
      saveProgress(store);
      dispatchEvent(new Event('trainbook:progress'));
    }
    status.focus();
  });
  retryButton!.addEventListener('click', () => {
    start();
    items[drawn[0]!]?.querySelector<HTMLElement>('input, textarea')?.focus();
  });

  section.classList.add('is-interactive');
  section.querySelector<HTMLElement>('.quiz-actions')!.hidden = false;
  status.tabIndex = -1;
  start();
}

for (const section of $$<HTMLElement>(document, 'section[data-quiz]')) setUpQuiz(section);
