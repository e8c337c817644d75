import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/index.ts';
import { parseYamlSource, zodIssuesToDiagnostics, type YamlSource } from '../yaml/index.ts';
import { BlueprintSchema, type Blueprint } from './blueprint-schema.ts';

/** A validated blueprint and where it came from. */
export interface ParsedBlueprint {
  blueprint: Blueprint;
  file: string;
  /** sha256 of the file's bytes: the manifest records it so a paper can be traced to its blueprint. */
  hash: string;
  /** Positions in the file, for diagnostics about sections. */
  source: YamlSource;
}

/** Returns a validated blueprint, or positioned diagnostics. */
export function parseBlueprint(text: string, file: string): { parsed?: ParsedBlueprint; diagnostics: Diagnostic[] } {
  const source = parseYamlSource(text, file);
  if (source.diagnostics.length) return { diagnostics: source.diagnostics };
  const result = BlueprintSchema.safeParse(source.value ?? {});
  if (!result.success) {
    return { diagnostics: zodIssuesToDiagnostics(result.error.issues, source.value, BlueprintSchema, source, file, { namespace: 'blueprint' }) };
  }
  return {
    parsed: { blueprint: result.data, file, hash: createHash('sha256').update(text).digest('hex'), source },
    diagnostics: [],
  };
}
