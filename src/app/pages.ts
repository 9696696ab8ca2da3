/**
 * Pages owned by other features, found with import.meta.glob on their fixed paths (each default-exports
 * its component). A page whose file does not exist yet is simply absent: it gets no route and no
 * navigation item, and appears with the next build once the file lands.
 */
import type { ComponentType } from 'react';
import type { ResultPageProps } from '../features/common/after-save';

/** A page takes no props, except that a form page may be handed the page its save leads to. */
export type PageModule = { default: ComponentType<ResultPageProps> };
export type LoadPage = () => Promise<PageModule>;

const featurePages = import.meta.glob<PageModule>([
  '../features/visits/RecordVisitPage.tsx',
  '../features/cases/OpenCasePage.tsx',
  '../features/cases/CloseCasePage.tsx',
  '../features/tasks/TasksPage.tsx',
  '../features/feedback/RecordFeedbackPage.tsx',
  '../features/conflicts/ConflictsPage.tsx',
]);

export const FEATURE_PAGES = {
  visit: '../features/visits/RecordVisitPage.tsx',
  openCase: '../features/cases/OpenCasePage.tsx',
  closeCase: '../features/cases/CloseCasePage.tsx',
  tasks: '../features/tasks/TasksPage.tsx',
  feedback: '../features/feedback/RecordFeedbackPage.tsx',
  conflicts: '../features/conflicts/ConflictsPage.tsx',
} as const;

export type FeaturePage = keyof typeof FEATURE_PAGES;

/** The loader of another feature's page, or undefined while it does not exist. */
export function featurePage(page: FeaturePage): LoadPage | undefined {
  return featurePages[FEATURE_PAGES[page]];
}

export function hasPage(page: FeaturePage): boolean {
  return featurePage(page) !== undefined;
}
