/**
 * Resonance service worker: the composition root. Each concern lives in its own file and says why
 * each rule exists; this file only decides the order they are installed in.
 *
 * Order matters: fetch listeners run in registration order, and the /api guard must run before
 * Workbox's router (registered by the first route) so no later rule can ever answer /api (sync.md D4).
 */
import { installApiGuard } from './api';
import { installPrecache } from './precache';
import { installNavigationFallback } from './navigation';
import { installUpdateHandling } from './update';

installApiGuard();
installPrecache();
installNavigationFallback();
installUpdateHandling();
