import { fillPlaceholders } from '../lib/i18n/fill.ts';
// Offline reading: registers the service worker (written by `npm run build`), offers the new version
// when one is published, and saves one module's pages and search fragments on request.
const base = document.documentElement.dataset.course ?? '/';
const strings = JSON.parse(document.getElementById('offline-strings')?.textContent ?? '{}') as Record<string, string>;
const fill = (key: string, values: Record<string, string | number> = {}) => fillPlaceholders(strings[key], values);
const PAGES = 'trainbook-pages';

function showUpdate(worker: ServiceWorker) {
  const banner = document.querySelector<HTMLElement>('[data-offline-update]');
  if (!banner) return;
  banner.hidden = false;
  banner.querySelector('button')!.addEventListener('click', () => worker.postMessage({ type: 'skip-waiting' }), { once: true });
}

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  void navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).then((registration) => {
    const waiting = () => registration.waiting && navigator.serviceWorker.controller && showUpdate(registration.waiting);
    waiting();
    registration.addEventListener('updatefound', () => {
      registration.installing?.addEventListener('statechange', waiting);
    });
  });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Only a worker the trainee asked for replaces the page; the first install just takes control.
    if (reloading || !document.querySelector('[data-offline-update]:not([hidden])')) return;
    reloading = true;
    location.reload();
  });
}

if (!navigator.onLine) document.querySelector<HTMLElement>('[data-offline-notice]')?.removeAttribute('hidden');

interface PagefindModule {
  init(): Promise<void>;
  search(query: string | null, options: { filters: Record<string, string[]> }): Promise<{ results: { id: string }[] }>;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-offline-save]')) {
  const status = button.parentElement!.querySelector<HTMLElement>('[data-offline-status]')!;
  button.hidden = false;
  button.addEventListener('click', async () => {
    if (!('serviceWorker' in navigator) || !('caches' in window)) {
      status.textContent = fill('offline.unsupported');
      return;
    }
    button.disabled = true;
    try {
      const pages = JSON.parse(button.dataset.offlineSave!) as string[];
      // Pagefind's fragments of this module's lessons, so search finds them offline; fetching the
      // module's filter also brings the index chunks, which the service worker keeps.
      const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindModule;
      await pagefind.init();
      const { results } = await pagefind.search(null, { filters: { module: [button.dataset.module!] } });
      const urls = [...pages, ...results.map((r) => `${base}pagefind/fragment/${r.id}.pf_fragment`)];
      const cache = await caches.open(PAGES);
      let done = 0;
      for (const url of urls) {
        status.textContent = fill('offline.saving', { done, total: urls.length });
        await cache.add(url);
        done += 1;
      }
      status.textContent = fill('offline.saved');
    } catch {
      status.textContent = fill('offline.failed');
    } finally {
      button.disabled = false;
    }
  });
}
