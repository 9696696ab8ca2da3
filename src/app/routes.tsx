/**
 * The route table of the signed-in app (react-router 7). Only the caseload, the first screen, is in
 * the entry chunk; every other page is a lazy chunk so the first screen's JavaScript stays small.
 * Other features' pages come from pages.ts and have a route only once their file exists.
 */
import { createBrowserRouter, type RouteObject } from 'react-router';
import type { Role } from '#shared/domain/roles';
import CaseloadPage from '../features/caseload/CaseloadPage';
import { AppLayout } from './AppLayout';
import { featurePage, type FeaturePage, type LoadPage } from './pages';
import { RequireRole } from './RequireRole';
import { RouteError } from './RouteError';

/**
 * `result`: the page a form page's save leads to, loaded with it and handed to it (ResultPageProps),
 * so it can draw that page the moment the save is done, before the address changes.
 */
function lazyPage(load: LoadPage, role?: Role, result?: LoadPage): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const [Page, Result] = await Promise.all([load(), result?.()]).then(([p, r]) => [p.default, r?.default] as const);
      if (!role && !Result) return { Component: Page };
      const page = Result ? <Page resultPage={Result} /> : <Page />;
      return { Component: () => (role ? <RequireRole role={role}>{page}</RequireRole> : page) };
    },
  };
}

/** A route to another feature's page, or nothing while that page does not exist. */
function optionalRoute(path: string, page: FeaturePage, role?: Role, result?: LoadPage): RouteObject[] {
  const load = featurePage(page);
  return load ? [{ path, ...lazyPage(load, role, result) }] : [];
}

const loadClientPage: LoadPage = () => import('../features/clients/ClientPage');

export function appRoutes(): RouteObject[] {
  return [
    {
      path: '/',
      Component: AppLayout,
      ErrorBoundary: RouteError,
      children: [
        { index: true, Component: CaseloadPage },
        { path: 'clients/new', ...lazyPage(() => import('../features/clients/RegisterClientPage')) },
        { path: 'clients/:clientId', ...lazyPage(loadClientPage) },
        { path: 'clients/:clientId/edit', ...lazyPage(() => import('../features/clients/EditClientPage')) },
        ...optionalRoute('clients/:clientId/visits/new', 'visit', undefined, loadClientPage),
        ...optionalRoute('clients/:clientId/cases/new', 'openCase'),
        ...optionalRoute('cases/:caseId/close', 'closeCase'),
        ...optionalRoute('tasks', 'tasks'),
        ...optionalRoute('feedback/new', 'feedback'),
        ...optionalRoute('conflicts', 'conflicts', 'coordinator'),
        { path: 'admin/people', ...lazyPage(() => import('../features/admin/PeoplePage'), 'coordinator') },
        { path: 'admin/people/new', ...lazyPage(() => import('../features/admin/AddPersonPage'), 'coordinator') },
        { path: 'admin/people/:personId', ...lazyPage(() => import('../features/admin/PersonPage'), 'coordinator') },
        { path: 'admin/devices', ...lazyPage(() => import('../features/admin/DevicesPage'), 'coordinator') },
        { path: 'admin/held', ...lazyPage(() => import('../features/admin/HeldPage'), 'coordinator') },
        { path: 'clients/:clientId/audit', ...lazyPage(() => import('../features/admin/ClientAuditPage'), 'coordinator') },
        { path: 'cases/:caseId/assign', ...lazyPage(() => import('../features/cases/AssignCasePage'), 'coordinator') },
        { path: 'unsynced', ...lazyPage(() => import('../features/unsynced/UnsyncedPage')) },
        { path: 'sign-out', ...lazyPage(() => import('./SignOutPage')) },
        { path: '*', ...lazyPage(() => import('./NotFoundPage')) },
      ],
    },
  ];
}

export function createAppRouter() {
  return createBrowserRouter(appRoutes());
}
