/**
 * The service worker from the app's side: registered in the production build only (the dev server
 * has none), and a reactive state for the badge: whether the app shell is cached for offline use,
 * and whether the browser is online.
 */
class OfflineState {
  /** The service worker is active: the app opens and plays without a network (models excepted). */
  ready = $state(false);
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);

  start(): void {
    addEventListener('online', () => (this.online = true));
    addEventListener('offline', () => (this.online = false));
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch((e: unknown) => {
      // No offline use then (e.g. a private window that forbids it); the app works as before.
      console.warn('The service worker could not be registered:', e);
    });
    void navigator.serviceWorker.ready.then(() => (this.ready = true));
  }
}

export const offline = new OfflineState();
