// Progress lives only in this browser: localStorage, one entry per course (site base).
// A record remembers the `id@rev` list it was earned on; when the questions change, it is dropped.

export interface LessonProgress {
  /** `id@rev` of the questions the score was earned on, comma-separated. */
  sig: string;
  best: number;
  last: number;
}

interface Store {
  v: 1;
  lessons: Record<string, LessonProgress>;
}

const storageKey = () => `trainbook:progress:${document.documentElement.dataset.course ?? '/'}`;

export function loadProgress(): Store {
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey()) ?? 'null') as Store | null;
    if (parsed?.v === 1 && parsed.lessons) return parsed;
  } catch {
    // Private mode or corrupt data: start afresh rather than break the page.
  }
  return { v: 1, lessons: {} };
}

export function saveProgress(store: Store): void {
  try {
    localStorage.setItem(storageKey(), JSON.stringify(store));
  } catch {
    // Storage full or disabled: the quiz still works, only progress is not kept.
  }
}

/** Returns the record for a lesson if it was earned on exactly these questions; drops it otherwise. */
export function currentProgress(store: Store, key: string, sig: string): LessonProgress | undefined {
  const record = store.lessons[key];
  if (!record) return undefined;
  if (record.sig === sig) return record;
  delete store.lessons[key];
  saveProgress(store);
  return undefined;
}

export function clearProgress(): void {
  try {
    localStorage.removeItem(storageKey());
  } catch {
    // Nothing stored, nothing to clear.
  }
}
