import { fillPlaceholders } from '../lib/i18n/fill.ts';
// The search page: processes what the trainee typed (src/lib/search), runs Pagefind for each try,
// merges the results and shows them as the trainee types. No full page load per query.
import { createReadings, createSegmenter, mergeResults, planSearch, type PinyinTable, type SearchLexicon } from '../lib/search/index.ts';

interface PagefindResult {
  id: string;
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string>; filters: Record<string, string[]> }>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] }>;
}
type PageData = Awaited<ReturnType<PagefindResult['data']>>;
interface Settings {
  bundle: string;
  lexicon: string;
  strings: Record<string, string>;
}

const settings = JSON.parse(document.getElementById('search-settings')!.textContent!) as Settings;
const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const input = form.querySelector<HTMLInputElement>('input[type=search]')!;
const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
const status = document.querySelector<HTMLElement>('[data-search-status]')!;
const filters = document.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
const fill = (text = '', values: Record<string, string | number>) => fillPlaceholders(text, values);
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
/**
 * Returns Pagefind's excerpt made readable in Chinese: the `. ` it puts between blocks becomes `。`
 * after Chinese text, and the highlights are ours: exactly the searched words (Pagefind marks single
 * characters of a word, or words that merely start with a searched character).
 */
function tidyExcerpt(html: string, words: readonly string[]): string {
  const text = html.replace(/<\/?mark>/g, '').replace(/(\p{Script=Han}|[）」”])\. /gu, '$1。');
  const marked = [...new Set(words)]
    .filter((w) => [...w].length >= 2 || (words.length === 1 && w))
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeHtml(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!marked.length) return text;
  // Never inside an entity such as `&amp;`.
  return text.replace(new RegExp(`(?<!&[a-z0-9#]*)(?:${marked.join('|')})`, 'gi'), (match) => `<mark>${match}</mark>`);
}

/** How many results get their page data (title, excerpt) loaded. */
const SHOWN = 20;

// Filters sit open above the results on a wide screen and folded on a phone.
const wide = matchMedia('(min-width: 48rem)');
filters.open = wide.matches;

const segment = createSegmenter();
let pagefind: Promise<Pagefind> | undefined;
let lexicon: Promise<{ lexicon: SearchLexicon; readings: (char: string) => ReadonlySet<string>; known: Set<string> }> | undefined;
let converter: Promise<(text: string) => string> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const module = (await import(/* @vite-ignore */ `${settings.bundle}pagefind.js`)) as Pagefind;
    // Pagefind counts words, and a Chinese word is one or two characters: 50 words is a readable sentence or two.
    await module.options({ excerptLength: 50 });
    await module.init();
    return module;
  })();
  return pagefind;
}

function loadLexicon() {
  lexicon ??= fetch(settings.lexicon)
    .then((response) => (response.ok ? response.json() : { phrases: {}, vocabulary: [], terms: {}, pages: {}, pinyin: {} }))
    .then((data: SearchLexicon & { pinyin: PinyinTable }) => ({ lexicon: data, readings: createReadings(data.pinyin), known: new Set(Object.values(data.pinyin).join('')) }));
  return lexicon;
}

/** Traditional characters are not among the common simplified ones; only then is opencc-js (about 100 kB) loaded. */
async function simplifier(query: string, known: Set<string>): Promise<((text: string) => string) | undefined> {
  if (![...query].some((c) => /\p{Script=Han}/u.test(c) && !known.has(c))) return undefined;
  converter ??= import('opencc-js/t2cn').then(({ Converter }) => Converter({ from: 'tw', to: 'cn' }));
  return converter;
}

let generation = 0;
let shown: { url: string; title: string; module: string; excerpt: string }[] = [];

function renderResults() {
  const chosen = new Set([...filters.querySelectorAll<HTMLInputElement>('input[name=module]:checked')].map((box) => box.value));
  const visible = chosen.size ? shown.filter((r) => chosen.has(r.module)) : shown;
  list.replaceChildren(
    ...visible.map((result) => {
      const item = document.createElement('li');
      item.className = 'search-result';
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.title;
      const module = document.createElement('p');
      module.className = 'meta';
      module.textContent = result.module;
      const excerpt = document.createElement('p');
      excerpt.className = 'search-excerpt';
      // Pagefind's excerpt is escaped page text with <mark> around the matched words.
      excerpt.innerHTML = result.excerpt;
      item.append(link, module, excerpt);
      return item;
    }),
  );
  for (const count of filters.querySelectorAll<HTMLElement>('[data-count-for]')) {
    const n = shown.filter((r) => r.module === count.dataset.countFor).length;
    count.textContent = `(${n})`;
    count.closest('label')!.classList.toggle('is-empty', n === 0);
  }
}

async function search(query: string) {
  try {
    await runSearch(query);
  } catch (error) {
    // Offline without a saved index, or a failed download: say so rather than spin.
    console.error(error);
    status.textContent = settings.strings[navigator.onLine ? 'search.noResults' : 'search.offline']!;
    list.dataset.state = 'error';
  }
}

async function runSearch(query: string) {
  const current = ++generation;
  const trimmed = query.trim();
  if (!trimmed) {
    shown = [];
    status.textContent = '';
    renderResults();
    list.dataset.state = 'idle';
    return;
  }
  list.dataset.state = 'busy';
  const [engine, { lexicon: words, readings, known }] = await Promise.all([loadPagefind(), loadLexicon()]);
  const toSimplified = await simplifier(trimmed, known);
  const plan = planSearch(trimmed, words, { segment, readings, ...(toSimplified ? { toSimplified } : {}) });
  // Results are keyed by URL, so Pagefind's pages and the glossary's lessons merge into one list.
  const pages = new Map<string, { rank: number; page: PageData }>();
  const tries = await Promise.all(
    plan.tries.map(async (attempt, index) => {
      const { results } = await engine.search(attempt.query);
      const found = await Promise.all(results.slice(0, attempt.tier === 0 ? 10 : 5).map((r) => r.data()));
      // The excerpt shown is the one of the most faithful try, whose words it highlights.
      for (const page of found) if ((pages.get(page.url)?.rank ?? Infinity) > index) pages.set(page.url, { rank: index, page });
      return { try: attempt, ids: found.map((page) => page.url) };
    }),
  );
  const merged = mergeResults([...tries, ...plan.glossary]);
  const searched = plan.tries.flatMap((t) => t.query.split(' ')).filter(Boolean);
  if (current !== generation) return;
  shown = merged.results.slice(0, SHOWN).map(({ id: url }) => {
    const page = pages.get(url)?.page;
    if (page) return { url, title: page.meta.title ?? url, module: page.filters.module?.[0] ?? '', excerpt: tidyExcerpt(page.excerpt, searched) };
    // A lesson only the glossary named: show the definition that links it to the query.
    const term = plan.glossary.find((g) => g.ids.includes(url))!.try.query;
    const known = words.pages[url];
    return { url, title: known?.title ?? url, module: known?.module ?? '', excerpt: `<mark>${escapeHtml(term)}</mark>：${escapeHtml(words.terms[term]?.definition ?? '')}` };
  });
  const notes: string[] = [];
  const corrected = plan.words.filter((w) => w.corrected).map((w) => w.corrected!);
  if (corrected.length && !merged.fallbackWords) notes.push(fill(settings.strings['search.corrected'], { word: corrected.join(' ') }));
  // A lone character (嫌) tells the trainee nothing about why a lesson was found.
  const named = merged.fallbackWords?.filter((w) => [...w].length >= 2 || !/\p{Script=Han}/u.test(w));
  if (named?.length) notes.push(fill(settings.strings['search.fallback'], { words: named.map((w) => `「${w}」`).join('') }));
  notes.push(shown.length ? fill(settings.strings['search.resultsCount'], { n: merged.results.length }) : settings.strings['search.noResults']!);
  if (!navigator.onLine) notes.push(settings.strings['search.offline']!);
  status.textContent = notes.join('。');
  renderResults();
  list.dataset.query = trimmed;
  list.dataset.state = 'done';
}

let timer: ReturnType<typeof setTimeout> | undefined;
function schedule(delay: number) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const query = input.value;
    const url = new URL(location.href);
    if (query.trim()) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    void search(query);
  }, delay);
}

input.addEventListener('input', () => schedule(250));
form.addEventListener('submit', (event) => {
  event.preventDefault();
  schedule(0);
});
filters.addEventListener('change', renderResults);

const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  void search(initial);
} else {
  // Warm up while the trainee types the first characters.
  void loadPagefind();
  void loadLexicon();
}
input.focus();
