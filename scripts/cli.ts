import { parseArgs } from 'node:util';
import { formatDiagnostics, isContentError } from '../src/lib/diagnostics/index.ts';
import { OutputTargetError } from '../src/lib/output/index.ts';

/** A mistake in how a command was called; printed with its usage, never with a stack. */
export class UsageError extends Error {
  readonly code = 'EARG';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Runs a script's `main` and turns the outcome into an exit code in one place:
 * editors' mistakes print diagnostics, usage mistakes print usage, anything else prints its stack.
 */
export async function runMain(main: (argv: string[]) => Promise<number>, usage: string): Promise<number> {
  try {
    return await main(process.argv.slice(2));
  } catch (error) {
    if (isContentError(error)) {
      console.error(formatDiagnostics(error.diagnostics));
      return 1;
    }
    if (error instanceof OutputTargetError) {
      console.error(`error: ${error.message}\nNothing was written.`);
      return 2;
    }
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n\n${usage}`);
      return 2;
    }
    // Astro and Vite errors carry a location; show it like our diagnostics rather than as a dump.
    const located = error as { message?: string; hint?: string; loc?: { file?: string; line?: number; column?: number } };
    if (located?.loc?.file && !process.env.TRAINBOOK_DEBUG) {
      const place = [located.loc.file, located.loc.line, located.loc.column].filter((p) => p !== undefined).join(':');
      console.error(`${place}  error  ${String(located.message).split('\n')[0]}${located.hint ? `\n  note: ${located.hint}` : ''}\n(set TRAINBOOK_DEBUG=1 for the full error)`);
      return 1;
    }
    console.error(error);
    return 70;
  }
}

/** Returns milliseconds as `1.23 s` or `456 ms`. */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

type OptionSpec = { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string | boolean | string[] | boolean[] };

/**
 * Parses a script's arguments strictly with node:util: an unknown or misspelt flag, or a flag
 * missing its value, is a UsageError that names it (exit 2), so `--dry-rn` never runs for real.
 * Accepts `--seed=5` and `--seed 5` alike.
 */
export function parseCommandLine<const O extends Record<string, OptionSpec>>(
  argv: string[],
  options: O,
  { allowPositionals = true }: { allowPositionals?: boolean } = {},
) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals, allowNegative: false });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw error;
    const message = String((error as Error).message)
      // node's messages end with advice about `--` that does not apply to npm scripts' users.
      .replace(/\. To specify a positional argument starting with a '-'.*$/s, '')
      .replace(/\. Unexpected argument.*$/s, '');
    throw new UsageError(message);
  }
}
