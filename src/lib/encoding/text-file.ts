import { readFile } from 'node:fs/promises';
import { createError, type Diagnostic, type Place } from '../diagnostics/index.ts';
import { decodeUtf8 } from './index.ts';

/** A text file's content, or the one diagnostic that says why it cannot be read as UTF-8. */
export type TextFile = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** Returns the byte offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong forms and surrogates are what a strict decoder also refuses.
    const second = bytes[i + 1]!;
    if ((byte === 0xe0 && second < 0xa0) || (byte === 0xed && second > 0x9f) || (byte === 0xf0 && second < 0x90) || (byte === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}

/** Returns the line and column (in characters) of a byte offset whose preceding bytes are valid UTF-8. */
function placeOfByte(bytes: Uint8Array, offset: number): Place {
  if (offset <= 0) return { line: 1, column: 1 };
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const before = new TextDecoder().decode(bytes.subarray(lineStart, offset)).replace(/^\uFEFF/, '');
  return { line, column: before.length + 1 };
}

/**
 * Returns a file's text when its bytes are UTF-8 (a BOM is removed), or one `encoding/not-utf8`
 * error placed at the first byte that is not UTF-8, naming the likely encoding and how to convert.
 * Callers report nothing else about such a file: its text would be mojibake.
 * @example decodeTextFile(gbkBytes, 'content/a/b.md') // => { ok: false, diagnostic: 'content/a/b.md:3:7 … GBK …' }
 */
export function decodeTextFile(bytes: Uint8Array, file: string): TextFile {
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return { ok: true, text: decoded.text };
  const offset = decoded.likely === 'utf-16le' || decoded.likely === 'utf-16be' ? 0 : Math.max(0, firstInvalidUtf8(bytes));
  const nul = decoded.likely === 'binary' ? bytes.indexOf(0) : -1;
  const place = placeOfByte(bytes, nul >= 0 && (offset === 0 || nul < offset) ? nul : offset);
  return {
    ok: false,
    diagnostic: createError(file, place, 'encoding/not-utf8', `Unexpected file encoding: ${decoded.reason}, expected UTF-8`, decoded.note.replaceAll('`file`', `\`${file}\``).replace('file > file.utf8', `${file} > ${file}.utf8`)),
  };
}

/** Reads a file as strict UTF-8; see `decodeTextFile`. Throws only when the file cannot be read at all. */
export async function readTextFile(absolutePath: string, file: string): Promise<TextFile> {
  return decodeTextFile(new Uint8Array(await readFile(absolutePath)), file);
}
