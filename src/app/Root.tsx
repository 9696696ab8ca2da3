/**
 * What the app shows before and around the router: the sign-in page when nobody is signed in on
 * this device, "Opening your records" while the local database opens, a full-page storage error
 * with what to do when it cannot open (never swallowed), or the signed-in app with its data context.
 */
import { lazy, Suspense, use, useMemo } from 'react';
import { RouterProvider } from 'react-router';
import type { StorageErrorCode } from '#db/errors';
import { Button } from '../ui/form/Button';
import { FullPageMessage } from '../ui/shell';
import { DataContext, type AppData } from '../features/common/data';
import type { OpenResult } from './boot';
import { createAppRouter } from './routes';
import { SignedOutFrame } from './SignedOutFrame';

const SignInPage = lazy(() => import('../features/session/SignInPage'));

export function Root({ opening }: { opening: Promise<OpenResult> | null }) {
  if (!opening) {
    return (
      <SignedOutFrame>
        <Suspense fallback={<p role="status">Loading the sign-in page…</p>}>
          <SignInPage />
        </Suspense>
      </SignedOutFrame>
    );
  }
  return (
    <Suspense
      fallback={
        <FullPageMessage title="Opening your records" busy>
          <p>This takes a moment on the first start of the day. You do not need a connection.</p>
        </FullPageMessage>
      }
    >
      <OpenedApp opening={opening} />
    </Suspense>
  );
}

function OpenedApp({ opening }: { opening: Promise<OpenResult> }) {
  const result = use(opening);
  if (!result.ok) return <StorageErrorPage code={result.error.code} message={result.error.message} />;
  return <SignedInApp data={result.data} />;
}

function SignedInApp({ data }: { data: AppData }) {
  // One router for the life of the page: signing out or in reloads the page.
  const router = useMemo(() => createAppRouter(), []);
  return (
    <DataContext value={data}>
      <RouterProvider router={router} />
    </DataContext>
  );
}

const STORAGE_TITLES: Record<StorageErrorCode, string> = {
  blocked: 'Resonance is open somewhere else',
  'quota-exceeded': 'This device is out of storage space',
  'connection-lost': 'The local database closed unexpectedly',
  'invalid-record': 'Some records on this device could not be read',
  unknown: 'Your records could not be opened',
};

/**
 * A storage failure while opening: what happened, and the one thing to do about it. The message is
 * the StorageError's own (src/db/errors.ts); that module is not imported here so the entry chunk
 * stays free of the database code.
 */
export function StorageErrorPage({ code, message }: { code: StorageErrorCode; message: string }) {
  return (
    <FullPageMessage title={STORAGE_TITLES[code]} tone="error">
      <p>{message}</p>
      <p>Nothing has been deleted. Records you saved earlier are still on this device.</p>
      <Button onClick={() => window.location.reload()}>Reload Resonance</Button>
    </FullPageMessage>
  );
}
