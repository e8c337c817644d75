import { sortDiagnostics, type Diagnostic, type Location } from './diagnostic.ts';

/** `file:line:col` for text, `file!D12` or `file!Sheet!D12` for spreadsheets (as Excel writes references), `file page 3` for pages. */
export function formatPlace(file: string, place: Location | undefined): string {
  if (!place) return file;
  if ('line' in place) return `${file}:${place.line}:${place.column}`;
  if ('page' in place) return `${file} page ${place.page}`;
  return place.sheet ? `${file}!${place.sheet}!${place.cell}` : `${file}!${place.cell}`;
}

/**
 * Returns one diagnostic as editors read it:
 * `file:line:col  error  reason  rule-id`, then `  note: …` and `  cause: …` lines.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const lines = [`${formatPlace(d.file, d.place)}  ${d.severity}  ${d.reason}  ${d.ruleId}`];
  if (d.note) lines.push(`  note: ${d.note}`);
  if (d.cause) lines.push(`  cause: ${d.cause.reason} at ${formatPlace(d.cause.file, d.cause.place)}`);
  return lines.join('\n');
}

/** Returns all diagnostics, sorted, followed by a one-line summary. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return '';
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const summary = [
    errors ? `${errors} error${errors === 1 ? '' : 's'}` : '',
    warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n\n')}\n\n✖ ${summary}`;
}
