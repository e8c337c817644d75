import type { z } from '../z.ts';
import { closestMatch, createError, type Diagnostic } from '../diagnostics/index.ts';
import type { YamlPath, YamlSource } from './yaml-source.ts';

type Schema = z.ZodType;
type Issue = z.core.$ZodIssue;

// Zod 4 keeps a schema's structure in `_zod.def`; we only read it to find the
// field names and editor descriptions at a path, for did-you-mean and notes.
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  in?: Schema;
  options?: Schema[];
  discriminator?: string;
}
const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** Returns the literal values of a discriminated union's discriminator, e.g. every question `type`. */
function discriminatorValues(schema: Schema, discriminator: string): string[] {
  const def = defOf(unwrap(schema));
  return (def.options ?? []).flatMap((option) => {
    const literal = defOf(unwrap(option)).shape?.[discriminator];
    return literal ? ((defOf(literal) as { values?: unknown[] }).values ?? []).map(String) : [];
  });
}

/** Returns the object schema that applies to `value`, choosing the union member by its discriminator. */
function objectSchemaFor(schema: Schema, value: unknown): Schema | undefined {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'object') return inner;
  if (def.type === 'union' && def.options) {
    const key = def.discriminator;
    const record = (value ?? {}) as Record<string, unknown>;
    for (const option of def.options) {
      const candidate = objectSchemaFor(option, value);
      if (!candidate) continue;
      const discriminant = key ? defOf(candidate).shape?.[key] : undefined;
      if (!discriminant || (discriminant as unknown as { safeParse(v: unknown): { success: boolean } }).safeParse(record[key!]).success) {
        return candidate;
      }
    }
  }
  return undefined;
}

function schemaAt(root: Schema, rootValue: unknown, path: YamlPath): { schema?: Schema; value: unknown } {
  let schema: Schema | undefined = root;
  let value = rootValue;
  for (const segment of path) {
    if (!schema) break;
    const inner = unwrap(schema);
    const def = defOf(inner);
    if (def.type === 'array' && def.element) {
      schema = def.element;
    } else {
      const objectSchema = objectSchemaFor(inner, value);
      schema = objectSchema ? defOf(objectSchema).shape?.[String(segment)] : undefined;
    }
    value = (value as Record<PropertyKey, unknown> | undefined)?.[segment];
  }
  return { schema, value };
}

function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return value.trim() === '' ? 'empty text' : `\`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``;
  return `\`${String(value)}\``;
}

// Rule ids say what kind of mistake it is, so editors (and tests) can tell them apart.
const RULE_BY_CODE: Record<string, string> = {
  invalid_type: 'wrong-type',
  invalid_value: 'invalid-value',
  invalid_union: 'invalid-value',
  too_small: 'out-of-range',
  too_big: 'out-of-range',
  invalid_format: 'invalid-format',
};

const EXPECTED_TYPES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: '`true` or `false`',
  array: 'a list',
  object: 'a mapping of fields',
};

/** Renders a path like `parts[1].answer` for messages. */
export function formatYamlPath(path: YamlPath): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index ? '.' : ''}${String(segment)}`))
    .join('');
}

function fieldHelp(schema: Schema | undefined): string {
  const description = schema ? (schema as { description?: string }).description ?? unwrap(schema).description : undefined;
  return description ? ` (${description})` : '';
}

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => `\`${String(v)}\``).join(', ');
}

interface Options {
  /** Rule namespace, e.g. `content` or `question`. */
  namespace: string;
  /** Path prefix of the validated value inside the YAML document (e.g. `['questions', 3]`). */
  basePath?: YamlPath;
}

/**
 * Returns positioned diagnostics for Zod issues, written for content editors:
 * the field, what was found, what is accepted, and a did-you-mean for typos.
 */
export function zodIssuesToDiagnostics(
  issues: readonly Issue[],
  input: unknown,
  schema: Schema,
  source: YamlSource,
  file: string,
  { namespace, basePath = [] }: Options,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // A misspelt field (`anwser`) also makes the real one (`answer`) missing; report it once, as the typo.
  const explainedByTypo = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const { schema: parentSchema, value: parentValue } = schemaAt(schema, input, issue.path as PropertyKey[]);
    const parent = objectSchemaFor(parentSchema ?? schema, parentValue);
    const known = Object.keys(parent ? defOf(parent).shape ?? {} : {});
    for (const key of issue.keys) {
      const suggestion = closestMatch(key, known);
      if (suggestion) explainedByTypo.add(formatYamlPath([...(issue.path as PropertyKey[]), suggestion]));
    }
  }
  for (const issue of issues) {
    const path = issue.path as PropertyKey[];
    const fullPath = [...basePath, ...path];
    const field = formatYamlPath(path);
    const { schema: fieldSchema, value } = schemaAt(schema, input, path);
    const place = source.placeOf(fullPath);

    if (issue.code === 'unrecognized_keys') {
      const parent = objectSchemaFor(schemaAt(schema, input, path).schema ?? schema, value);
      const known = Object.keys(parent ? defOf(parent).shape ?? {} : {});
      for (const key of issue.keys) {
        const suggestion = closestMatch(key, known);
        const keyPath = [...fullPath, key];
        diagnostics.push(
          createError(
            file,
            source.keyPlaceOf(keyPath),
            `${namespace}/unknown-field`,
            `Unexpected field \`${formatYamlPath([...path, key])}\`, expected one of ${quoteList(known)}`,
            suggestion ? `did you mean \`${suggestion}\`? Rename the field.` : 'remove this field or check its spelling.',
          ),
        );
      }
      continue;
    }

    if (value === undefined && issue.code !== 'custom') {
      if (explainedByTypo.has(field)) continue;
      diagnostics.push(
        createError(
          file,
          place,
          `${namespace}/missing-field`,
          `Missing required field \`${field}\``,
          `add \`${String(path.at(-1))}:\`${fieldHelp(fieldSchema)}.`,
        ),
      );
      continue;
    }

    let reason: string;
    let note: string | undefined;
    switch (issue.code) {
      case 'invalid_type':
        reason = `Unexpected \`${field}\` value ${describeValue(value)}, expected ${EXPECTED_TYPES[issue.expected] ?? issue.expected}`;
        note = `change \`${field}\`${fieldHelp(fieldSchema)}.`;
        break;
      case 'invalid_value': {
        const suggestion = typeof value === 'string' ? closestMatch(value, issue.values.map(String)) : undefined;
        reason = `Unexpected \`${field}\` value ${describeValue(value)}, expected one of ${quoteList(issue.values)}`;
        note = suggestion ? `did you mean \`${suggestion}\`?` : `use one of the listed values${fieldHelp(fieldSchema)}.`;
        break;
      }
      case 'too_small':
        reason =
          issue.origin === 'array'
            ? `Unexpected ${Array.isArray(value) ? value.length : 0} item(s) in \`${field}\`, expected at least ${issue.minimum}`
            : issue.origin === 'string'
              ? `Unexpected empty \`${field}\`, expected text`
              : `Unexpected \`${field}\` value ${describeValue(value)}, expected ${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}`;
        note = `change \`${field}\`${fieldHelp(fieldSchema)}.`;
        break;
      case 'too_big':
        reason =
          issue.origin === 'array'
            ? `Unexpected ${Array.isArray(value) ? value.length : 0} items in \`${field}\`, expected at most ${issue.maximum}`
            : `Unexpected \`${field}\` value ${describeValue(value)}, expected ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}`;
        note = `change \`${field}\`${fieldHelp(fieldSchema)}.`;
        break;
      case 'invalid_format':
        reason = `Unexpected \`${field}\` value ${describeValue(value)}, expected ${issue.format === 'regex' ? 'the documented format' : issue.format}`;
        note = `change \`${field}\`${fieldHelp(fieldSchema)}.`;
        break;
      case 'invalid_union': {
        // An unknown `type:` in a discriminated union: list the types that exist.
        const discriminator = (issue as { discriminator?: string }).discriminator;
        const values = discriminator ? discriminatorValues(schemaAt(schema, input, path.slice(0, -1)).schema ?? schema, discriminator) : [];
        if (values.length) {
          const suggestion = typeof value === 'string' ? closestMatch(value, values) : undefined;
          reason = `Unexpected \`${field}\` value ${describeValue(value)}, expected one of ${quoteList(values)}`;
          note = suggestion ? `did you mean \`${suggestion}\`?` : 'use one of the listed values.';
        } else {
          const description = fieldSchema ? ((fieldSchema as { description?: string }).description ?? unwrap(fieldSchema).description) : undefined;
          reason = `Unexpected \`${field || 'value'}\` value ${describeValue(value)}, expected ${description ?? 'a value of the documented form'}`;
          note = `change \`${field}\`, see docs/question-bank.md for examples.`;
        }
        break;
      }
      case 'custom':
        reason = issue.message;
        note = (issue.params as { note?: string } | undefined)?.note;
        break;
      default:
        reason = `Unexpected \`${field || 'value'}\` value ${describeValue(value)}: ${issue.message}`;
        note = fieldSchema ? `change \`${field}\`${fieldHelp(fieldSchema)}.` : undefined;
    }
    const ruleId =
      issue.code === 'custom'
        ? ((issue.params as { ruleId?: string } | undefined)?.ruleId ?? `${namespace}/invalid-field`)
        : `${namespace}/${RULE_BY_CODE[issue.code] ?? 'invalid-field'}`;
    diagnostics.push(createError(file, place, ruleId, reason, note));
  }
  return diagnostics;
}
