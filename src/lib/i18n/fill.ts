/**
 * Returns `text` with its `{name}` placeholders replaced from `values`; a name without a value
 * stays visible as `{name}`, so a missing value is noticed instead of printing nothing. The one
 * placeholder filler of the code base: the translator and the browser scripts use it.
 * @example fillPlaceholders('{done}/{total} 节已完成', { done: 3, total: 5 }) // => '3/5 节已完成'
 */
export function fillPlaceholders(text: string = '', values: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
