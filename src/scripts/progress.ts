import { fillPlaceholders as fill } from '../lib/i18n/fill.ts';
import { clearProgress, currentProgress, loadProgress } from './progress-store.ts';

// Markup contract (rendered by the home and module pages):
//   [data-progress-lesson="module/lesson"][data-progress-sig="id@rev,…"]  one lesson, gets a badge
//   [data-progress-summary] containing lesson elements                   gets "3/5 节已完成 · 自测 80%"
//   [data-progress-reset]                                                 a button that clears progress
const root = document.documentElement;
const strings = JSON.parse(root.querySelector('script#progress-strings')?.textContent ?? '{}') as Record<string, string>;

function render() {
  const store = loadProgress();
  for (const summary of document.querySelectorAll<HTMLElement>('[data-progress-summary]')) {
    const lessons = [...summary.querySelectorAll<HTMLElement>('[data-progress-lesson]')];
    const records = lessons.map((el) => currentProgress(store, el.dataset.progressLesson!, el.dataset.progressSig ?? ''));
    lessons.forEach((el, i) => {
      const badge = el.querySelector<HTMLElement>('.progress-badge');
      const record = records[i];
      if (!badge) return;
      badge.hidden = !record;
      badge.textContent = record ? `✓ ${fill(strings['progress.best'], { score: record.best })}` : '';
    });
    const done = records.filter(Boolean);
    const output = summary.querySelector<HTMLElement>('.progress-summary');
    if (output) {
      const average = done.length ? Math.round(done.reduce((sum, r) => sum + r!.best, 0) / done.length) : 0;
      output.textContent = done.length
        ? `${fill(strings['progress.summary'], { done: done.length, total: lessons.length })} · ${fill(strings['progress.best'], { score: average })}`
        : fill(strings['progress.summary'], { done: 0, total: lessons.length });
      output.hidden = false;
    }
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-progress-reset]')) {
  button.hidden = false;
  button.addEventListener('click', () => {
    if (!confirm(strings['progress.resetConfirm'])) return;
    clearProgress();
    render();
  });
}
render();
