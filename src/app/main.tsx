/**
 * Entry point (index.html loads this). Reads the session synchronously and, when someone is signed
 * in, starts loading the database code and opening their local database before React even renders,
 * so the caseload appears as soon as local data is ready. Nothing here waits for the network (D1).
 * The service worker is registered in the background; the app never waits for it either.
 *
 * The database code (RxDB, Dexie, Ajv: the biggest part of the app) is a dynamic import: a device's
 * very first visit is always the sign-in page, over whatever connection there is, and it does not
 * need it. Signed-in starts fetch it at once, from the precache after the first visit.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadSession } from '#sync/session';
import '../ui/shell/theme.css';
import '../ui/shell/shell.css';
import { registerServiceWorker } from './pwa';
import { Root } from './Root';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const session = loadSession(localStorage);
const opening = session ? import('./boot').then(({ openUserData }) => openUserData(session)) : null;

createRoot(container).render(
  <StrictMode>
    <Root opening={opening} />
  </StrictMode>,
);

void registerServiceWorker();
