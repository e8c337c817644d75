// Progress lives only in this browser: localStorage, one entry per course (site base).
// A record remembers the `id@rev` list it was earned on; a record earned on other questions is
// ignored, never deleted (a page that does not know the lesson's questions must not erase anything).

export interface QuizRecord {
  /** `id@rev` of the questions the score was earned on, comma-separated. */
  sig: string;
  best: number;
  last: number;
}

export interface Store {
  v: 2;
  /** Per self-check: the lesson id for a lesson's first quiz, `lesson#2` for the next, `module/practice`. */
  quizzes: Record<string, QuizRecord>;
  /** Lessons without a self-check that were opened; they count as passed. */
  visited: Record<string, 1>;
}

export type LessonStatus = 'passed' | 'tried' | 'new';

/** `[lesson id, title, URL, [[record key, sig], …]]`, as `progress.json` lists it. */
export type ManifestLesson = [id: string, title: string, url: string, quizzes: [key: string, sig: string][]];
export interface Manifest {
  passMark: number;
  modules: { slug: string; title: string; lessons: ManifestLesson[] }[];
}

const base = () => document.documentElement.dataset.course ?? '/';
const storageKey = () => `trainbook:progress:${base()}`;

export function loadProgress(): Store {
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey()) ?? 'null') as (Store | { v: 1; lessons: Record<string, QuizRecord> }) | null;
    if (parsed?.v === 2 && parsed.quizzes) return { ...parsed, visited: parsed.visited ?? {} };
    // Version 1 kept the same records under `lessons`.
    if (parsed?.v === 1 && parsed.lessons) return { v: 2, quizzes: parsed.lessons, visited: {} };
  } catch {
    // Private mode or corrupt data: start afresh rather than break the page.
  }
  return { v: 2, quizzes: {}, visited: {} };
}

export function saveProgress(store: Store): void {
  try {
    localStorage.setItem(storageKey(), JSON.stringify(store));
  } catch {
    // Storage full or disabled: the quiz still works, only progress is not kept.
  }
}

/** Returns the record of a self-check if it was earned on exactly these questions. */
export function currentRecord(store: Store, key: string, sig: string): QuizRecord | undefined {
  const record = store.quizzes[key];
  return record && record.sig === sig ? record : undefined;
}

/**
 * Returns a lesson's status: passed when every self-check of it reached the pass mark (a lesson
 * without one: when it was opened), tried when any has a score, else new; and the mean best score.
 */
export function lessonStatus(store: Store, lesson: ManifestLesson, passMark: number): { status: LessonStatus; score?: number } {
  const [id, , , quizzes] = lesson;
  if (quizzes.length === 0) return { status: store.visited[id] ? 'passed' : 'new' };
  const records = quizzes.map(([key, sig]) => currentRecord(store, key, sig));
  const scored = records.filter((r): r is QuizRecord => r !== undefined);
  if (scored.length === 0) return { status: 'new' };
  const score = Math.round(scored.reduce((sum, r) => sum + r.best, 0) / scored.length);
  return { status: scored.length === records.length && scored.every((r) => r.best >= passMark) ? 'passed' : 'tried', score };
}

let manifest: Promise<Manifest | undefined> | undefined;

/** Returns the course's progress manifest (`progress.json`), fetched once per page. */
export function loadManifest(): Promise<Manifest | undefined> {
  manifest ??= fetch(`${base()}progress.json`)
    .then((response) => (response.ok ? (response.json() as Promise<Manifest>) : undefined))
    .catch(() => undefined);
  return manifest;
}

export function clearProgress(): void {
  try {
    localStorage.removeItem(storageKey());
  } catch {
    // Nothing stored, nothing to clear.
  }
}

/** The status marks the navigation and lists show. */
export const STATUS_MARK: Record<LessonStatus, string> = { passed: '✓', tried: '◐', new: '○' };
