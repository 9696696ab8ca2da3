/**
 * Navigations to any client-side route (/clients/abc, /tasks, a bookmark, a cold start from the home
 * screen) get the precached index.html, so a deep link opened offline shows the app and not the
 * browser's offline page. The router in the app then renders the route.
 */
import { createHandlerBoundToURL } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { API_PATH } from './api';

/** The app shell document, as listed in the precache manifest. */
const APP_SHELL_URL = '/index.html';

export function installNavigationFallback(): void {
  const handler = createHandlerBoundToURL(APP_SHELL_URL);
  registerRoute(
    new NavigationRoute(handler, {
      // A navigation to /api (an export download, a link to a health check) must reach the server: the
      // app shell in its place would hide the real answer, and /api is never served by us (D4). The API
      // guard already stops these requests; the denylist says the same here for whoever reads this rule.
      denylist: [API_PATH],
    }),
  );
}
