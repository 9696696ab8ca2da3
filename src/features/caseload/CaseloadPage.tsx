/**
 * My caseload, the first screen: every client on this device with their open cases and next task,
 * instant search, filters, and "Record visit" on each row. Built for 10,000 clients: three reactive
 * queries in total (queries.ts), an in-memory search index rebuilt only when clients change, and at
 * most PAGE_SIZE rows rendered until the worker asks for more. On a cold start the first screen comes
 * from the stored head (head.ts) while every client is still being read.
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { searchClients } from '#shared/domain/search';
import { localDate } from '#shared/domain/tasks';
import { useData } from '../common/data';
import { Button, buttonClass } from '../../ui/form/Button';
import { countOf, PageHeading } from '../../ui/shell';
import { CaseloadEmpty } from './CaseloadEmpty';
import { CaseloadFilters } from './CaseloadFilters';
import { CaseloadRow } from './CaseloadRow';
import { applyFilters, casesOf, hasFilters, headApplies, PAGE_SIZE, tasksOf, type CaseloadFilters as Filters } from './model';
import { useCaseload } from './queries';
import { rememberedView, rememberView } from './view-state';
import './caseload.css';

/** performance.mark name for the first render with clients on screen (benchmarks read it). */
export const FIRST_ROWS_MARK = 'resonance:caseload-first-rows';

export default function CaseloadPage() {
  const { session } = useData();
  const [view, setView] = useState(rememberedView);
  const [today] = useState(() => localDate(new Date()));
  const data = useCaseload(today);
  const query = useDeferredValue(view.query);
  const filterKey = JSON.stringify([query, view.filters]);
  const [shown, setShown] = useState({ key: filterKey, limit: PAGE_SIZE });
  const limit = shown.key === filterKey ? shown.limit : PAGE_SIZE;
  const focusIndex = useRef<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => rememberView(view), [view]);

  const matches = useMemo(() => {
    if (!data.index) return [];
    const ids = searchClients(data.index, query);
    return applyFilters(ids, view.filters, { clientsById: data.clientsById, cases: data.cases, tasks: data.tasks });
  }, [data.index, data.clientsById, data.cases, data.tasks, query, view.filters]);

  // Before every client is read, the stored head stands in for the unfiltered list's first screen.
  const head = data.head && headApplies(query, view.filters) ? data.head : undefined;
  const visible = head ? head.rows.map((c) => c.id) : matches.slice(0, limit);
  const total = head ? head.count : (data.clients?.length ?? 0);
  const rowsById = head ? new Map(head.rows.map((c) => [c.id, c])) : data.clientsById;
  const loaded = data.clients !== undefined || head !== undefined;

  useEffect(() => {
    if (visible.length > 0 && performance.getEntriesByName(FIRST_ROWS_MARK).length === 0) performance.mark(FIRST_ROWS_MARK);
  }, [visible.length]);

  // After "Show more", keyboard focus moves to the first new client so the list continues where it was.
  useEffect(() => {
    const index = focusIndex.current;
    if (index === null) return;
    focusIndex.current = null;
    listRef.current?.querySelectorAll<HTMLElement>('.cl-row__name a')[index]?.focus();
  }, [limit]);

  const showMore = () => {
    focusIndex.current = visible.length;
    setShown({ key: filterKey, limit: limit + PAGE_SIZE });
  };

  const setQuery = (q: string) => setView((v) => ({ ...v, query: q }));
  const setFilters = (f: Filters) => setView((v) => ({ ...v, filters: f }));
  const searching = query.trim() !== '' || hasFilters(view.filters);

  return (
    <>
      <PageHeading
        actions={
          <Link to="/clients/new" className={buttonClass('primary')}>
            Register a client
          </Link>
        }
      >
        My caseload
      </PageHeading>
      <CaseloadFilters query={view.query} onQueryChange={setQuery} filters={view.filters} onFiltersChange={setFilters} teams={session.user.teams} />
      {!loaded ? (
        <p role="status">{data.head ? 'Searching your caseload…' : 'Loading your caseload…'}</p>
      ) : (
        <>
          <p className="cl-count" role="status">
            {searching
              ? `${countOf(matches.length, 'client')} found${matches.length > visible.length ? `, showing the first ${visible.length}` : ''}`
              : `${countOf(total, 'client')} on this device${total > visible.length ? `, showing the first ${visible.length}` : ''}`}
          </p>
          {visible.length === 0 ? (
            <CaseloadEmpty hasClients={total > 0} query={query} />
          ) : (
            <ol className="cl-list" ref={listRef} aria-label="Clients">
              {visible.map((id) => {
                const client = rowsById.get(id);
                if (!client) return null;
                return (
                  <CaseloadRow
                    key={id}
                    client={client}
                    cases={data.cases ? casesOf(data.cases, id) : undefined}
                    tasks={data.tasks ? tasksOf(data.tasks, id) : undefined}
                    today={today}
                  />
                );
              })}
            </ol>
          )}
          {!head && matches.length > visible.length ? (
            <div className="cl-more">
              <Button variant="secondary" onClick={showMore}>
                Show more clients
              </Button>
              <span className="rs-muted">{countOf(matches.length - visible.length, 'more client')}</span>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
