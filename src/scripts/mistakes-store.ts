// 错题本: practice questions answered wrong in this browser, by `id@rev`; answering one right removes it.

export interface Mistake {
  /** Where it was last answered wrong. */
  title: string;
  url: string;
  at: number;
}

const storageKey = () => `trainbook:mistakes:${document.documentElement.dataset.course ?? '/'}`;

export function loadMistakes(): Record<string, Mistake> {
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey()) ?? '{}') as Record<string, Mistake>;
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

/** Adds a question answered wrong, or removes one answered right. */
export function recordAnswer(question: string, right: boolean, where: { title: string; url: string }): void {
  const mistakes = loadMistakes();
  if (right) delete mistakes[question];
  else mistakes[question] = { ...where, at: Date.now() };
  try {
    localStorage.setItem(storageKey(), JSON.stringify(mistakes));
  } catch {
    // Storage full or disabled: the quiz still works.
  }
}
