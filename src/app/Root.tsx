/**
 * What the app shows before and around the router, on a shared tablet (src/app/lock/start.ts decides
 * at page load): the revocation notice; "who is using this tablet" and sign-in; choosing a PIN after
 * an online sign-in; the PIN screen; "Opening your records" while the local database opens; a
 * full-page storage error with what to do (never swallowed); or the signed-in app with its data.
 */
import { lazy, Suspense, use, useMemo, useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import type { StorageErrorCode } from '#db/errors';
import { setActiveUser } from '#sync/profiles';
import type { PendingRecovery, Unlocked } from '#sync/unlock';
import { Button } from '../ui/form/Button';
import { FullPageMessage } from '../ui/shell';
import { DataContext, type AppData } from '../features/common/data';
import type { OpenResult } from './boot';
import { finishUnlock, switchUser } from './lock/actions';
import type { StartScreen } from './lock/start';
import { discardLocalRecords } from './lock/wipe';
import { createAppRouter } from './routes';
import { SignedOutFrame } from './SignedOutFrame';

const SignInPage = lazy(() => import('../features/session/SignInPage'));
const UnlockPage = lazy(() => import('../features/session/UnlockPage'));
const RecoverPinPage = lazy(() => import('../features/session/RecoverPinPage'));
const ChoosePinPage = lazy(() => import('../features/session/ChoosePinPage'));
const RevokedPage = lazy(() => import('./lock/RevokedPage'));
const StartAgainConfirm = lazy(() => import('../features/session/StartAgainConfirm'));

/** The page-load decision, with the database already opening when someone is unlocked. */
export type RootStart = Exclude<StartScreen, { kind: 'open' }> | { kind: 'opening'; opening: Promise<OpenResult> };

export function Root({ start }: { start: Promise<RootStart> }) {
  return (
    <Suspense fallback={<OpeningMessage />}>
      <Started start={start} />
    </Suspense>
  );
}

function OpeningMessage() {
  return (
    <FullPageMessage title="Opening your records" busy>
      <p>This takes a moment on the first start of the day. You do not need a connection.</p>
    </FullPageMessage>
  );
}

function Started({ start }: { start: Promise<RootStart> }) {
  const screen = use(start);
  if (screen.kind === 'opening') return <OpenedApp opening={screen.opening} />;
  if (screen.kind === 'revoked') return <RevokedPage name={screen.name} />;
  return <Unlocking screen={screen} />;
}

type Step = Exclude<RootStart, { kind: 'opening' | 'revoked' }> | { kind: 'choose-pin'; unlocked: Unlocked } | { kind: 'recover'; recovery: PendingRecovery };

/** Sign-in, PIN and choose-a-PIN, moving between them in the page; unlocking reloads into the app. */
function Unlocking({ screen }: { screen: Step }) {
  const [step, setStep] = useState<Step>(screen);
  const [email, setEmail] = useState<string | undefined>(screen.kind === 'sign-in' ? screen.email : undefined);
  const profiles = step.kind === 'choose-pin' || step.kind === 'recover' ? [] : step.profiles;
  const open = (unlocked: Unlocked) => void finishUnlock(unlocked.session.user.id, unlocked.key);

  let page;
  if (step.kind === 'choose-pin') {
    const { session, key } = step.unlocked;
    page = <ChoosePinPage userId={session.user.id} name={session.user.name} dataKey={key} onDone={() => open(step.unlocked)} />;
  } else if (step.kind === 'recover') {
    page = (
      <RecoverPinPage
        recovery={step.recovery}
        onRecovered={open}
        discardRecords={(userId) => discardLocalRecords(userId, null)}
        onStartedAgain={(unlocked) => setStep({ kind: 'choose-pin', unlocked })}
      />
    );
  } else if (step.kind === 'pin') {
    const toPassword = (lockedOut: boolean) => {
      setEmail(step.profile.email);
      setStep({ kind: 'sign-in', profiles, email: step.profile.email, notice: lockedOut ? 'locked' : undefined });
    };
    page = <UnlockPage key={step.profile.userId} profile={step.profile} onUnlocked={(o) => open(o.unlocked)} onNeedsPassword={toPassword} onSwitchUser={() => void switchUser(null)} />;
  } else {
    page = (
      <SignInPage
        key={email ?? ''}
        profiles={step.profiles}
        email={email}
        notice={step.notice === 'locked' ? 'locked' : undefined}
        onSignedIn={(o) => ('recovery' in o ? setStep({ kind: 'recover', recovery: o.recovery }) : o.needsPin ? setStep({ kind: 'choose-pin', unlocked: o.unlocked }) : open(o.unlocked))}
        onChooseProfile={(userId) => {
          const profile = profiles.find((p) => p.userId === userId);
          if (!profile) return;
          if (profile.pin && !profile.locked && !profile.signedOut) {
            setActiveUser(localStorage, userId);
            setStep({ kind: 'pin', profile, profiles });
          } else {
            setEmail(profile.email);
            setStep({ kind: 'sign-in', profiles, email: profile.email, notice: profile.locked ? 'locked' : undefined });
          }
        }}
      />
    );
  }
  return (
    <SignedOutFrame>
      <Suspense fallback={<p role="status">Loading…</p>}>{page}</Suspense>
    </SignedOutFrame>
  );
}

function OpenedApp({ opening }: { opening: Promise<OpenResult> }) {
  const result = use(opening);
  if (!result.ok) {
    const { error, userId } = result;
    // No key on this tablet opens these records (src/db/errors.ts WrongKeyError): the person may start again.
    const startAgain = 'wrongKey' in error ? () => startAgainWithoutRecords(userId) : undefined;
    return <StorageErrorPage code={error.code} message={error.message} onStartAgain={startAgain} />;
  }
  return <SignedInApp data={result.data} />;
}

function SignedInApp({ data }: { data: AppData }) {
  // One router for the life of the page: signing out, locking or switching user reloads the page.
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
export function StorageErrorPage({ code, message, onStartAgain }: { code: StorageErrorCode; message: string; onStartAgain?: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  if (confirming && onStartAgain) {
    return (
      <SignedOutFrame>
        <Suspense fallback={<p role="status">Loading…</p>}>
          <StartAgainConfirm onStartAgain={onStartAgain} back={{ label: 'Back', onClick: () => setConfirming(false) }} />
        </Suspense>
      </SignedOutFrame>
    );
  }
  return (
    <FullPageMessage title={STORAGE_TITLES[code]} tone="error">
      <p>{message}</p>
      <p>Nothing has been deleted. Records you saved earlier are still on this device.</p>
      <Button onClick={() => window.location.reload()}>Reload Resonance</Button>
      {onStartAgain ? (
        <>
          <p>If signing in again does not open them, you can start again on this tablet with what the server has.</p>
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            Start again on this tablet
          </Button>
        </>
      ) : null}
    </FullPageMessage>
  );
}

/** Deletes this person's unreadable records on this tablet, then reloads: the next sync fills a new copy. */
async function startAgainWithoutRecords(userId: string): Promise<void> {
  await discardLocalRecords(userId, null);
  window.location.reload();
}
