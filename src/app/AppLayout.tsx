/**
 * The signed-in app's frame, wired to data: who is signed in, the navigation, connection and sync
 * status, unsynced records and their age, warnings when unsynced work is at risk, the update prompt,
 * quick exit, lock and auto-lock after the coordinator's idle period (src/app/lock),
 * and focus/title management after each navigation. When sync reports that an update is required it
 * checks for the new version at once. Pages render in the <Outlet />.
 */
import { useEffect } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { ROLE_LABELS } from '#shared/domain/roles';
import { useBackgroundObservable, useData } from '../features/common/data';
import { useOnline } from '../features/common/online';
import { AppHeader, formatAgo, formatDuration, MainNav, ShellLayout, StatusBar, type NavItem } from '../ui/shell';
import { AppBanners } from './AppBanners';
import { lockApp, quickExit } from './lock/actions';
import { IdleWarning } from './lock/IdleWarning';
import { useGrantLease } from './lock/useGrantLease';
import { useIdleLock } from './lock/useIdleLock';
import { hasPage } from './pages';
import { checkForUpdateNow } from './pwa';
import { useOutboxSummary } from './status/outbox';
import { syncDisplay } from './status/sync-display';
import { useNow } from './status/useNow';
import { useStorageHealth } from './status/useStorageHealth';
import { useDocumentTitle, useRouteFocus } from './useRouteFocus';
import { useRouteScroll } from './useRouteScroll';
import { useSlowNavigation } from './useSlowNavigation';

/** "3 minutes ago" texts refresh this often; finer would re-render the shell for nothing. */
const CLOCK_TICK_MS = 30_000;

export function AppLayout() {
  const data = useData();
  const { db, session, sync } = data;
  const idle = useIdleLock(data);
  useGrantLease(session.user.id);
  const navigate = useNavigate();
  const slowNavigation = useSlowNavigation();
  const online = useOnline();
  // In the background: a save starts a push, and the shell redrawn with "Syncing…" at once was
  // drawn in the very render that shows the saved visit (the whole shell, online).
  const status = useBackgroundObservable(() => sync.status$, [sync]);
  const outbox = useOutboxSummary(db);
  const now = useNow(CLOCK_TICK_MS);
  const lastSyncedAt = status?.lastSyncedAt ?? null;
  const risks = useStorageHealth({ unsyncedCount: outbox.count, oldestUnsyncedSince: outbox.oldestSince, lastSyncedAt, now });
  useRouteScroll();
  useRouteFocus();
  useDocumentTitle();
  // The server refused this version (426): the fix is usually already deployed, so look for it now
  // and the update prompt appears within seconds instead of at the next 30-minute check.
  const syncState = status?.state;
  useEffect(() => {
    if (syncState === 'update-required') void checkForUpdateNow();
  }, [syncState]);

  const display = syncDisplay(status, online);
  const isCoordinator = session.user.role === 'coordinator';
  const items: NavItem[] = [
    { to: '/', label: 'Caseload', end: true },
    ...(hasPage('tasks') ? [{ to: '/tasks', label: 'Tasks due' }] : []),
    ...(hasPage('feedback') ? [{ to: '/feedback/new', label: 'Feedback' }] : []),
    ...(isCoordinator && hasPage('conflicts') ? [{ to: '/conflicts', label: 'Conflicts' }] : []),
    ...(isCoordinator ? [{ to: '/admin/people', label: 'People' }, { to: '/admin/devices', label: 'Devices' }, { to: '/admin/held', label: 'Held-back changes' }] : []),
  ];

  return (
    <ShellLayout
      header={
        <AppHeader
          userName={session.user.name}
          roleLabel={ROLE_LABELS[session.user.role]}
          onSignOut={() => void navigate('/sign-out')}
          onQuickExit={quickExit}
          onLock={() => void lockApp(data)}
        />
      }
      nav={<MainNav items={items} />}
      status={
        <StatusBar
          online={online}
          syncTone={display.tone}
          syncMessage={display.message}
          lastSynced={lastSyncedAt ? formatAgo(lastSyncedAt, now) : null}
          unsyncedCount={outbox.count}
          oldestUnsyncedAge={outbox.oldestSince ? formatDuration(Math.max(0, now - new Date(outbox.oldestSince).getTime())) : null}
          unsyncedHref="/unsynced"
        />
      }
      banners={
        <>
          {idle.warning ? <IdleWarning /> : null}
          <AppBanners syncState={status?.state} outbox={outbox} risks={risks} />
        </>
      }
    >
      {slowNavigation ? (
        <p className="rs-loading" role="status">
          Loading…
        </p>
      ) : null}
      <Outlet />
    </ShellLayout>
  );
}
