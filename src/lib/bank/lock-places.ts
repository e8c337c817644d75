import type { Place } from '../diagnostics/index.ts';

/** Where the parts of `bank.lock.json` that messages point at are written. */
export interface LockPlaces {
  /** The `"version"` key at the top level. */
  version?: Place;
  /** Each question's key in `"questions"`, by id. */
  questions: Map<string, Place>;
}

/**
 * Returns the places of the lock's `version` and of each question entry, found by scanning the
 * JSON text (JSON.parse keeps no positions). Expects text that already parsed as JSON.
 * @example locateLockEntries('{\n  "questions": {\n    "bas-001": {}\n  }\n}').questions.get('bas-001') // => { line: 3, column: 5 }
 */
export function locateLockEntries(text: string): LockPlaces {
  const places: LockPlaces = { questions: new Map() };
  // One entry per open `{` or `[`: its kind, and the key it is the value of.
  const open: { object: boolean; key?: string }[] = [];
  let key: string | undefined;
  let expectKey = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      line += 1;
      lineStart = i + 1;
    } else if (ch === '{' || ch === '[') {
      open.push({ object: ch === '{', key });
      key = undefined;
      expectKey = ch === '{';
    } else if (ch === '}' || ch === ']') {
      open.pop();
      key = undefined;
    } else if (ch === ',') {
      key = undefined;
      expectKey = open.at(-1)?.object ?? false;
    } else if (ch === '"') {
      const column = i - lineStart + 1;
      let value = '';
      for (i += 1; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\') i += 1;
        value += text[i];
      }
      if (!expectKey) continue;
      expectKey = false;
      key = value;
      if (open.length === 1 && value === 'version') places.version = { line, column };
      if (open.length === 2 && open[1]!.key === 'questions') places.questions.set(value, { line, column });
    }
  }
  return places;
}
