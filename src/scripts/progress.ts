import { fillPlaceholders } from '../lib/i18n/fill.ts';
import { clearProgress, lessonStatus, loadManifest, loadProgress, saveProgress, STATUS_MARK, type LessonStatus } from './progress-store.ts';

// Markup contract (any page; every element is optional):
//   [data-status-for="module/lesson"]        gets ✓ / ◐ / ○ and a label (navigation, module page lists)
//   [data-module-summary="module"]           gets "3/5 节已通过"
//   [data-progress-overall]                  gets the course total (home)
//   a[data-progress-continue]                points at the first lesson not yet passed (home)
//   [data-lesson-status="module/lesson"]     gets the lesson's status with its score and the pass mark
//   [data-visit="module/lesson"]             a lesson without a self-check: opening it counts as passed
//   [data-progress-reset]                    a button that clears progress
//   button[data-nav-toggle]                  opens and closes the course navigation drawer on a phone
const root = document.documentElement;
const strings = JSON.parse(root.querySelector('script#progress-strings')?.textContent ?? '{}') as Record<string, string>;
const fill = (key: string, values: Record<string, string | number> = {}) => fillPlaceholders(strings[key], values);
const LABEL: Record<LessonStatus, string> = { passed: 'nav.passed', tried: 'nav.tried', new: 'nav.notStarted' };

async function render() {
  const visit = document.querySelector<HTMLElement>('[data-visit]')?.dataset.visit;
  const store = loadProgress();
  if (visit && !store.visited[visit]) {
    store.visited[visit] = 1;
    saveProgress(store);
  }
  const manifest = await loadManifest();
  if (!manifest) return;
  const lessons = manifest.modules.flatMap((m) => m.lessons.map((lesson) => ({ module: m.slug, lesson, ...lessonStatus(store, lesson, manifest.passMark) })));
  const byId = new Map(lessons.map((l) => [l.lesson[0], l]));
  for (const el of document.querySelectorAll<HTMLElement>('[data-status-for]')) {
    const found = byId.get(el.dataset.statusFor!);
    if (!found) continue;
    el.textContent = STATUS_MARK[found.status];
    el.dataset.status = found.status;
    el.title = fill(LABEL[found.status]);
    el.setAttribute('aria-label', fill(LABEL[found.status]));
    el.hidden = false;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-module-summary]')) {
    const own = lessons.filter((l) => l.module === el.dataset.moduleSummary);
    el.textContent = fill('progress.summary', { done: own.filter((l) => l.status === 'passed').length, total: own.length });
    el.hidden = false;
  }
  const passed = lessons.filter((l) => l.status === 'passed').length;
  for (const el of document.querySelectorAll<HTMLElement>('[data-progress-overall]')) {
    el.textContent = fill('home.overall', { done: passed, total: lessons.length });
    el.hidden = false;
    el.parentElement?.style.setProperty('--progress', `${lessons.length ? (passed / lessons.length) * 100 : 0}%`);
  }
  const next = lessons.find((l) => l.status !== 'passed');
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-progress-continue]')) {
    if (passed === 0) continue; // The "start" link the page renders is right until something is passed.
    if (next) {
      link.href = next.lesson[2];
      link.textContent = fill('home.continue', { title: next.lesson[1] });
    } else link.textContent = fill('home.allDone');
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-lesson-status]')) {
    const found = byId.get(el.dataset.lessonStatus!);
    if (!found || found.lesson[3].length === 0) continue;
    const values = { score: found.score ?? 0, pass: manifest.passMark };
    el.textContent = `${STATUS_MARK[found.status]} ${fill(found.status === 'passed' ? 'lesson.statusPassed' : found.status === 'tried' ? 'lesson.statusTried' : 'lesson.statusNew', values)}`;
    el.dataset.status = found.status;
    el.hidden = false;
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-progress-reset]')) {
  button.hidden = false;
  button.addEventListener('click', () => {
    if (!confirm(strings['progress.resetConfirm'])) return;
    clearProgress();
    void render();
  });
}

for (const toggle of document.querySelectorAll<HTMLButtonElement>('button[data-nav-toggle]')) {
  const nav = document.getElementById(toggle.getAttribute('aria-controls')!)!;
  toggle.hidden = false;
  const set = (open: boolean) => {
    toggle.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('is-open', open);
    if (open) nav.querySelector<HTMLElement>('[aria-current="page"], a')?.focus();
  };
  toggle.addEventListener('click', () => set(toggle.getAttribute('aria-expanded') !== 'true'));
  nav.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && nav.classList.contains('is-open')) {
      set(false);
      toggle.focus();
    }
  });
}

// Re-render when a quiz on this page records a score, or another tab changes progress.
addEventListener('trainbook:progress', () => void render());
addEventListener('storage', () => void render());
void render();

// Wide tables and code blocks scroll inside their box; a keyboard user must be able to reach them
// (axe: scrollable-region-focusable). Only those that really overflow become tab stops.
for (const box of document.querySelectorAll<HTMLElement>('.prose table, .prose pre')) {
  if (box.scrollWidth > box.clientWidth + 1) {
    box.tabIndex = 0;
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', box.querySelector('caption, th')?.textContent?.trim() || box.textContent!.trim().slice(0, 20));
  }
}
