/**
 * Entry point (index.html loads this). Decides what a page load shows on a shared tablet
 * (src/app/lock/start.ts: revocation notice, sign-in, PIN screen, or the app when this user unlocked
 * recently) and, when someone is unlocked, starts loading the database code and opening their local
 * database with their data key before React even renders. Nothing here waits for the network (D1).
 * The service worker is registered in the background; the app never waits for it either.
 *
 * The database code (RxDB, Dexie, Ajv: the biggest part of the app) is a dynamic import: a device's
 * very first visit is always the sign-in page, over whatever connection there is, and it does not
 * need it. Unlocked starts fetch it at once, from the precache after the first visit.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/shell/theme.css';
import '../ui/shell/shell.css';
import './lock/lock.css';
import { decideStart } from './lock/start';
import { registerServiceWorker } from './pwa';
import { Root, type RootStart } from './Root';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const start: Promise<RootStart> = decideStart().then((screen) =>
  screen.kind === 'open' ? { kind: 'opening', opening: import('./boot').then(({ openUserData }) => openUserData(screen.session, screen.key)) } : screen,
);

createRoot(container).render(
  <StrictMode>
    <Root start={start} />
  </StrictMode>,
);

void registerServiceWorker();
