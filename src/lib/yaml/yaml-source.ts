import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node } from 'yaml';
import { createError, type Diagnostic, type Place } from '../diagnostics/index.ts';
import { findUnclosedQuote, findYamlSlips } from './slips.ts';

/** A path into parsed YAML, as Zod reports it: keys and array indexes. */
export type YamlPath = readonly PropertyKey[];

/** Parsed YAML that still knows where each value came from. */
export interface YamlSource {
  /** The plain JavaScript value (undefined when the YAML had syntax errors). */
  value: unknown;
  /** Syntax errors, already positioned. */
  diagnostics: Diagnostic[];
  /** Returns the place of the value at `path`, or of its nearest existing parent. */
  placeOf(path: YamlPath): Place;
  /** Returns the place of the key at `path` (for unknown fields), falling back to the value. */
  keyPlaceOf(path: YamlPath): Place;
  /** Returns a scalar exactly as written (`0123`, `1.50`), or undefined when `path` is not a scalar. */
  textOf(path: YamlPath): string | undefined;
  /** Unquoted scalars followed by a ` #` comment on the same line, which YAML silently drops from the text. */
  commentedScalars(): { path: YamlPath; place: Place; comment: string }[];
}

interface Located {
  node: Node | null | undefined;
  keyNode: Node | null | undefined;
}

function locate(root: Node | null | undefined, path: YamlPath): Located {
  let node = root;
  let keyNode: Node | null | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value as Node | null;
      if (node == null) {
        node = keyNode;
        break;
      }
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      keyNode = undefined;
      node = node.items[segment] as Node;
    } else {
      break;
    }
  }
  return { node, keyNode };
}

/**
 * Parses YAML keeping positions, so validation errors can point at `file:line:col`.
 * `lineOffset` shifts every line, for YAML embedded in a Markdown front matter.
 */
export function parseYamlSource(source: string, file: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPlace = (offset: number | undefined): Place => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line: line + lineOffset, column: col };
  };

  // After the first syntax error the parser's view of the rest is unreliable, so only that one is reported,
  // unless a Chinese-keyboard slip explains it: then the slips are the real cause and are reported instead.
  const slips = findYamlSlips(source, file, lineOffset);
  const slipsExplain = slips.length > 0 && (document.errors.length > 0 || hasSlippedKey(document.contents as Node | null));
  const diagnostics = slipsExplain ? slips : document.errors.slice(0, 1).map((error) => {
    if (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) {
      const opened = findUnclosedQuote(source, lineCounter.linePos(error.pos[0]).line);
      if (opened) {
        const { place, quote } = opened;
        return createError(file, { line: place.line + lineOffset, column: place.column }, 'yaml/unclosed-quote', `Unexpected ${quote === '"' ? 'double' : 'single'} quote \`${quote}\` that is never closed, expected a closing \`${quote}\` on the same line`, `close the quote at the end of the text, or remove it; to write a quote inside quoted text, use the other kind (\`'他说"好"'\`) or a \`|\` block.`);
      }
    }
    const duplicateKey = error.code === 'DUPLICATE_KEY';
    const reason = duplicateKey
      ? 'Unexpected duplicate key, expected each field once'
      : `Unexpected YAML syntax: ${error.message.split('\n')[0]}`;
    const note = duplicateKey
      ? 'remove one of the two lines with this key.'
      : 'check the indentation and quoting on this line; text containing `: ` or starting with `*`, `&`, `!`, `[` or `{` needs quotes or a `|` block.';
    return createError(file, toPlace(error.pos[0]), duplicateKey ? 'yaml/duplicate-key' : 'yaml/syntax', reason, note);
  });

  const rootNode = document.contents as Node | null;
  return {
    value: diagnostics.length ? undefined : document.toJS(),
    diagnostics,
    placeOf(path) {
      const { node } = locate(rootNode, path);
      return toPlace(node?.range?.[0]);
    },
    keyPlaceOf(path) {
      const { node, keyNode } = locate(rootNode, path);
      return toPlace((keyNode ?? node)?.range?.[0]);
    },
    textOf(path) {
      const { node } = locate(rootNode, path);
      if (!isScalar(node) || locate(rootNode, path.slice(0, -1)).node === node) return undefined;
      return typeof node.source === 'string' ? node.source : String(node.value);
    },
    commentedScalars() {
      const found: { path: YamlPath; place: Place; comment: string }[] = [];
      const walk = (node: Node | null | undefined, path: PropertyKey[]) => {
        if (isMap(node)) {
          for (const pair of node.items) if (isScalar(pair.key)) walk(pair.value as Node | null, [...path, pair.key.value as PropertyKey]);
        } else if (isSeq(node)) {
          node.items.forEach((item, index) => walk(item as Node, [...path, index]));
        } else if (isScalar(node) && node.type === Scalar.PLAIN && node.comment && node.range) {
          // A trailing comment is on the scalar's own line; comments on later lines belong to the next node.
          const end = node.range[1];
          const lineEnd = source.indexOf('\n', end);
          if (source.slice(end, lineEnd === -1 ? undefined : lineEnd).includes('#')) found.push({ path, place: toPlace(node.range[0]), comment: node.comment.trim() });
        }
      };
      walk(rootNode, []);
      return found;
    },
  };
}

/** Returns whether a mapping key swallowed a slip: it starts with U+3000 or holds `key：value`. */
function hasSlippedKey(node: Node | null | undefined): boolean {
  if (isMap(node)) {
    return node.items.some(
      (pair) => (isScalar(pair.key) && typeof pair.key.value === 'string' && /^\u3000|^[A-Za-z_][\w-]*\s*：/.test(pair.key.value)) || hasSlippedKey(pair.value as Node),
    );
  }
  if (isSeq(node)) return node.items.some((item) => hasSlippedKey(item as Node) || (isScalar(item) && typeof item.value === 'string' && /^[A-Za-z_][\w-]*\s*：/.test(item.value)));
  return false;
}
