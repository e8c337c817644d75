export { createServiceWorker, OFFLINE_CACHES, selectPrecache, writeServiceWorker } from './service-worker.ts';
