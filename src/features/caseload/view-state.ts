/**
 * The caseload's search and filters, remembered while the app stays open: a worker who searches,
 * opens a client and comes back finds the same list. Memory only (a reload starts afresh), and never
 * written to storage: a search on a shared tablet can name a client.
 */
import { NO_FILTERS, type CaseloadFilters } from './model';

export interface CaseloadView {
  query: string;
  filters: CaseloadFilters;
}

let remembered: CaseloadView = { query: '', filters: NO_FILTERS };

export function rememberedView(): CaseloadView {
  return remembered;
}

export function rememberView(view: CaseloadView): void {
  remembered = view;
}
