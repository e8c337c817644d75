import type { Question } from '../questions/index.ts';

/** Returns the id prefix a module's questions use most (`com` for com-001…), or the module's initials. */
export function modulePrefix(module: string, questions: readonly Pick<Question, 'id' | 'module'>[]): string {
  const counts = new Map<string, number>();
  for (const q of questions) {
    if (q.module !== module) continue;
    const prefix = q.id.replace(/-?\d+$/, '');
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return best?.[0] ?? module.split('-').map((word) => word[0]).join('');
}

/**
 * Returns a generator of the next free ids of a prefix, three digits at least: `com-037`, `com-038`…
 * `taken` holds every id in use (bank and import alike); ids handed out are added to it.
 */
export function createIdAllocator(taken: Set<string>): (prefix: string) => string {
  const next = new Map<string, number>();
  return (prefix) => {
    let n = next.get(prefix);
    if (n === undefined) {
      n = 0;
      for (const id of taken) {
        if (id.startsWith(`${prefix}-`)) n = Math.max(n, Number(id.slice(prefix.length + 1)) || 0);
      }
    }
    let id: string;
    do id = `${prefix}-${String(++n).padStart(3, '0')}`;
    while (taken.has(id));
    next.set(prefix, n);
    taken.add(id);
    return id;
  };
}
