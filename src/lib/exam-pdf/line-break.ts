import LineBreaker from 'linebreak';

/** Measures a piece of text in points at the current size and weight. */
export type Measure = (text: string) => number;

/** Characters that must not start a line in Chinese typesetting (避头点), on top of UAX #14. */
const NO_LINE_START = new Set([...'。，、；：？！）」』】》〉”’…—·%％.,;:?!)]}']);

function breakOpportunities(text: string): { position: number; required: boolean }[] {
  const breaker = new LineBreaker(text);
  const result: { position: number; required: boolean }[] = [];
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) result.push(next);
  return result;
}

/**
 * Returns `text` broken into lines no wider than `maxWidth`: UAX #14 opportunities (Latin
 * words stay whole, Chinese breaks between characters), never a line starting with 。，、）」
 * and the like, and a word wider than the line broken by character as a last resort.
 * Line feeds in the text force a break.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  // Width of `line` so far: widths add up, so each segment is measured once, not the whole line again.
  let lineWidth = 0;
  let start = 0;
  const pushLine = () => {
    lines.push(line.replace(/\s+$/, ''));
    line = '';
    lineWidth = 0;
  };
  for (const { position, required } of breakOpportunities(text)) {
    let segment = text.slice(start, position);
    start = position;
    if (required) segment = segment.replace(/\r?\n$/, '');
    const trimmed = segment.replace(/\s+$/, '');
    if (line && lineWidth + measure(trimmed) > maxWidth) {
      pushLine();
      segment = segment.replace(/^\s+/, '');
    }
    if (!line && measure(segment.replace(/\s+$/, '')) > maxWidth) {
      // Longer than a whole line (a long URL or number): break it by character.
      for (const char of segment) {
        const width = measure(char);
        if (line && lineWidth + width > maxWidth && !NO_LINE_START.has(char)) pushLine();
        line += char;
        lineWidth += width;
      }
    } else {
      line += segment;
      lineWidth += measure(segment);
    }
    if (required) pushLine();
  }
  if (line || lines.length === 0) pushLine();
  return fixLoneLastLine(fixLineStarts(lines), maxWidth, measure);
}

/** Punctuation and spaces, which do not count as content on a line. */
const PUNCTUATION = /[\s　。，、；：？！）」』】》〉”’…—·%％.,;:?!)\]}（(]/gu;

/** Whether a last line would stand alone: an answer bracket, or at most one character and its punctuation. */
function isLone(line: string): boolean {
  return /^[（(][\s　]*[）)][。.]?$/.test(line) || [...line.replace(PUNCTUATION, '')].length <= 1;
}

/**
 * Keeps a lone last line (a bare answer bracket `（　　）`, or one character and a full stop)
 * from standing alone: it joins the previous line when the two fit, otherwise it takes the
 * previous line's last character with it, as Chinese typesetting does.
 */
function fixLoneLastLine(lines: string[], maxWidth: number, measure: Measure): string[] {
  if (lines.length < 2 || !isLone(lines.at(-1)!)) return lines;
  const last = lines.at(-1)!;
  const previous = lines.at(-2)!;
  if (measure(previous + last) <= maxWidth) return [...lines.slice(0, -2), previous + last];
  const keep = [...previous];
  let moved = '';
  let found = false;
  // Take one real character (with the punctuation after it) down; never half a Latin word.
  while (keep.length > 1 && !found) {
    const char = keep.pop()!;
    moved = char + moved;
    if (/[A-Za-z0-9]/.test(char) && /[A-Za-z0-9]/.test(keep.at(-1) ?? '')) continue;
    found = !NO_LINE_START.has(char) && !/\s/.test(char);
  }
  if (!found) return lines;
  return [...lines.slice(0, -2), keep.join('').replace(/\s+$/, ''), moved.replace(/^\s+/, '') + last];
}

/**
 * Moves a forbidden line-start character back to the end of the previous line (ぶら下げ, hanging
 * punctuation): UAX #14 already prevents most cases, this catches the rest (e.g. `……`).
 */
function fixLineStarts(lines: string[]): string[] {
  for (let i = 1; i < lines.length; i++) {
    let line = lines[i]!;
    while (line && NO_LINE_START.has(line[0]!)) {
      lines[i - 1] = `${lines[i - 1]}${line[0]}`;
      line = line.slice(1);
    }
    lines[i] = line;
  }
  return lines.filter((line, i) => line !== '' || i === 0 || lines.length === 1);
}

/** Returns whether a character may not start a line; exported for tests. */
export function isNoLineStart(char: string): boolean {
  return NO_LINE_START.has(char);
}
