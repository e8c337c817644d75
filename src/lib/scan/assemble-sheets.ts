import type { KeyFile, RunCandidate } from '../exam/run-files.ts';
import { readItem, type Decided, type ItemReading } from './decide.ts';
import type { PageReading } from './read-page.ts';

/** Where a page came from, as a trainer finds it in the stack: file and page number. */
export interface PageSource {
  file: string;
  page: number;
}

export type ReadPage = Extract<PageReading, { status: 'read' }> & { source: PageSource };

/** A problem with the stack of scans, reported with the page it concerns. */
export interface ScanIssue {
  kind: 'unreadable' | 'no-qr' | 'other-run' | 'unknown-page' | 'unregistered' | 'duplicate-page' | 'missing-page' | 'unidentified' | 'id-mismatch' | 'not-scanned';
  source?: PageSource;
  message: string;
}

/** One candidate's sheet put together from its pages. */
export interface ScannedSheet {
  /** 工号: from the QR code of a roster sheet, else from the digit grid; undefined when unreadable. */
  candidateId?: string;
  candidate?: RunCandidate;
  variant: string;
  pages: ReadPage[];
  absent: boolean;
  readings: ItemReading[];
  /** Why the 工号 needs a person's eye, if it does. */
  idFlag?: string;
}

/**
 * Groups read pages into candidates' sheets and reads every objective question. Roster sheets are
 * grouped by the candidate in their QR code; other sheets by the 工号 grid on their first page,
 * with later pages joining the nearest earlier first page of the same variant in scan order
 * (scanners keep a stack's order). Missing, duplicated and orphan pages become issues.
 */
export function assembleSheets(pages: readonly ReadPage[], key: KeyFile, roster: readonly RunCandidate[] | undefined): { sheets: ScannedSheet[]; issues: ScanIssue[] } {
  const issues: ScanIssue[] = [];
  const groups: { id?: string; candidate?: RunCandidate; variant: string; pages: ReadPage[]; idFlag?: string }[] = [];
  const byKey = new Map<string, (typeof groups)[number]>();
  for (const page of pages) {
    const fromQr = page.qr.candidate;
    let group: (typeof groups)[number] | undefined;
    if (fromQr !== undefined) {
      group = byKey.get(`${page.qr.variant}|${fromQr}`);
      if (!group) {
        group = { id: fromQr, candidate: roster?.find((c) => c.id === fromQr), variant: page.qr.variant, pages: [] };
        byKey.set(`${page.qr.variant}|${fromQr}`, group);
        groups.push(group);
      }
      const grid = readIdGrid(page.bubbles);
      if (grid.id && grid.id !== fromQr) {
        issues.push({ kind: 'id-mismatch', source: page.source, message: `the 工号 filled in (${grid.id}) differs from the printed candidate ${fromQr}; the printed one is used` });
      }
    } else if (page.bubbles.some((b) => b.bubble.kind === 'digit')) {
      const grid = readIdGrid(page.bubbles);
      group = { id: grid.id, variant: page.qr.variant, pages: [], idFlag: grid.flag };
      const known = grid.id ? byKey.get(`${page.qr.variant}|${grid.id}`) : undefined;
      // The same 工号 again: the sheet scanned twice (reported below as a duplicate page) or its other page.
      if (known) group = known;
      else {
        if (grid.id) byKey.set(`${page.qr.variant}|${grid.id}`, group);
        groups.push(group);
      }
    } else {
      group = [...groups].reverse().find((g) => g.variant === page.qr.variant && !g.candidate && !g.pages.some((p) => p.qr.page === page.qr.page));
      if (!group) {
        issues.push({ kind: 'unidentified', source: page.source, message: `page ${page.qr.page} of a variant ${page.qr.variant} sheet has no first page before it in the scans; scan the sheet's pages together, first page first` });
        continue;
      }
    }
    const duplicate = group.pages.find((p) => p.qr.page === page.qr.page);
    if (duplicate) {
      issues.push({ kind: 'duplicate-page', source: page.source, message: `a second scan of sheet page ${page.qr.page} (${group.id ?? 'unidentified candidate'}); the first, ${duplicate.source.file} page ${duplicate.source.page}, is used` });
      continue;
    }
    group.pages.push(page);
  }

  const sheets = groups.map((group) => {
    const pageCount = group.pages[0]!.qr.pageCount;
    for (let n = 1; n <= pageCount; n++) {
      if (!group.pages.some((p) => p.qr.page === n)) {
        const first = group.pages[0]!.source;
        issues.push({ kind: 'missing-page', source: first, message: `sheet page ${n} of ${pageCount} of ${group.id ?? 'an unidentified candidate'} (variant ${group.variant}) was not scanned; its questions are left empty` });
      }
    }
    if (!group.id && group.idFlag) issues.push({ kind: 'unidentified', source: group.pages[0]!.source, message: `工号 could not be read: ${group.idFlag}` });
    return toSheet(group, key);
  });
  for (const candidate of roster ?? []) {
    if (!sheets.some((s) => s.candidateId === candidate.id)) issues.push({ kind: 'not-scanned', message: `no sheet of ${candidate.id} ${candidate.name} (variant ${candidate.variant}) was scanned` });
  }
  return { sheets, issues };
}

function toSheet(group: { id?: string; candidate?: RunCandidate; variant: string; pages: ReadPage[]; idFlag?: string }, key: KeyFile): ScannedSheet {
  const variant = key.variants.find((v) => v.label === group.variant);
  const bubbles = group.pages.flatMap((p) => p.bubbles);
  const absent = bubbles.some((b) => b.bubble.kind === 'absent' && b.decision === 'filled');
  const readings: ItemReading[] = [];
  for (const item of variant?.items ?? []) {
    if (item.type === 'fill' || item.type === 'short') continue;
    const own = bubbles.filter((b) => b.bubble.kind === 'option' && b.bubble.item === item.key);
    if (own.length === 0) continue;
    readings.push(readItem(item.key, item.type, own));
  }
  return { candidateId: group.id, candidate: group.candidate, variant: group.variant, pages: group.pages, absent, readings, idFlag: group.id ? undefined : group.idFlag };
}

/**
 * Reads the 工号 grid: one filled digit per column; columns left empty on the right are allowed
 * (an ID shorter than the grid). Anything else — two digits in a column, a gap, an unsure mark —
 * leaves the ID unread with the reason, for a person to look at.
 */
export function readIdGrid(bubbles: readonly Decided[]): { id?: string; flag?: string } {
  const digits = bubbles.filter((b) => b.bubble.kind === 'digit');
  if (digits.length === 0) return {};
  const positions = Math.max(...digits.map((b) => (b.bubble.kind === 'digit' ? b.bubble.position : 0))) + 1;
  const columns: string[] = [];
  for (let position = 0; position < positions; position++) {
    const column = digits.filter((b) => b.bubble.kind === 'digit' && b.bubble.position === position);
    const filled = column.filter((b) => b.decision === 'filled');
    if (column.some((b) => b.decision === 'ambiguous')) return { flag: `an unclear mark in column ${position + 1}` };
    if (filled.length > 1) return { flag: `two digits marked in column ${position + 1}` };
    columns.push(filled.length === 1 && filled[0]!.bubble.kind === 'digit' ? String(filled[0]!.bubble.digit) : '');
  }
  const text = columns.join('');
  const used = columns.findLastIndex((c) => c !== '') + 1;
  if (used === 0) return { flag: 'no digits marked' };
  if (columns.slice(0, used).some((c) => c === '')) return { flag: 'a column left empty inside the number' };
  return { id: text };
}

