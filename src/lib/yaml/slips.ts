import { createError, type Diagnostic, type Place } from '../diagnostics/index.ts';

/**
 * Chinese-keyboard slips that break YAML in ways its own messages do not explain: a full-width
 * colon after a key (`points：2`) and full-width spaces (U+3000) used as indentation.
 */

/** A line that opens a block scalar (`stem: |`, `- >-`); lines indented deeper are its text. */
const BLOCK_SCALAR = /(?:^|[:\-]\s)[|>][-+0-9]*\s*(?:#.*)?$/;
const FULL_WIDTH_COLON_KEY = /^([ \u3000]*(?:- +)?)([A-Za-z_][\w-]*)[ \t]*：/;
const FULL_WIDTH_INDENT = /^ *\u3000[ \u3000]*(?=\S)/;

/** Returns the lines of `source` that are YAML structure, not the text of a `|` or `>` block. */
function structuralLines(source: string): { text: string; line: number }[] {
  const result: { text: string; line: number }[] = [];
  let blockIndent: number | undefined;
  source.split('\n').forEach((raw, index) => {
    const text = raw.replace(/\r$/, '');
    const indent = /^ */.exec(text)![0].length;
    if (blockIndent !== undefined) {
      if (text.trim() === '' || indent > blockIndent) return;
      blockIndent = undefined;
    }
    result.push({ text, line: index + 1 });
    if (BLOCK_SCALAR.test(text)) blockIndent = indent + (/^ *- /.test(text) ? 2 : 0);
  });
  return result;
}

/**
 * Returns an error for each full-width colon after a key and each line indented with U+3000,
 * outside block scalars, placed at the offending character. `lineOffset` shifts lines as for
 * front matter.
 */
export function findYamlSlips(source: string, file: string, lineOffset = 0): Diagnostic[] {
  if (!/[：\u3000]/.test(source)) return [];
  const diagnostics: Diagnostic[] = [];
  for (const { text, line } of structuralLines(source)) {
    const indent = FULL_WIDTH_INDENT.exec(text);
    if (indent) {
      const place: Place = { line: line + lineOffset, column: indent[0].indexOf('\u3000') + 1 };
      diagnostics.push(
        createError(file, place, 'yaml/full-width-indent', 'Unexpected full-width space (U+3000 `　`) used as indentation, expected half-width spaces', 'YAML indents with ordinary spaces only: delete the full-width spaces at the start of this line and indent with the space bar in English input mode.'),
      );
      continue;
    }
    const colon = FULL_WIDTH_COLON_KEY.exec(text);
    if (colon) {
      const place: Place = { line: line + lineOffset, column: colon[0].length };
      diagnostics.push(
        createError(file, place, 'yaml/full-width-colon', `Unexpected full-width colon \`：\` after \`${colon[2]}\`, expected a half-width colon and a space (\`${colon[2]}: \`)`, 'switch the keyboard to English input for the colon; YAML only knows `:` followed by a space.'),
      );
    }
  }
  return diagnostics;
}

/**
 * Returns where a quoted scalar that is never closed opens, at or before `errorLine`: the line
 * whose value starts with a quote that does not close on that line.
 */
export function findUnclosedQuote(source: string, errorLine: number): { place: Place; quote: string } | undefined {
  const lines = source.split('\n');
  for (let i = 0; i < Math.min(errorLine, lines.length); i++) {
    const match = /^(\s*(?:-\s+)?(?:[^\s"'#][^:#]*:\s+)?)(["'])/.exec(lines[i]!);
    if (!match) continue;
    const quote = match[2]!;
    const rest = lines[i]!.slice(match[0].length);
    const closed = quote === '"' ? /(?:^|[^\\])(?:\\\\)*"/.test(rest) || rest.startsWith('"') : /'/.test(rest.replace(/''/g, ''));
    if (!closed) return { place: { line: i + 1, column: match[1]!.length + 1 }, quote };
  }
  return undefined;
}
