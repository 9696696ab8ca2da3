/**
 * Search and filters above the caseload, in a search landmark: instant search as you type (name,
 * date of birth or postcode), case status, team (only when the user has more than one), and
 * "only clients with tasks due". Enter never submits anything: results are already on screen.
 */
// The kit's own files, not its index: the index would put every kit component on the first screen.
import { Checkboxes } from '../../ui/form/Checkboxes';
import { Radios } from '../../ui/form/Radios';
import { Select } from '../../ui/form/Select';
import { TextInput } from '../../ui/form/TextInput';
import type { CaseloadFilters as Filters, CaseStatusFilter } from './model';

export interface TeamOption {
  id: string;
  name: string;
}

export interface CaseloadFiltersProps {
  query: string;
  onQueryChange: (q: string) => void;
  filters: Filters;
  onFiltersChange: (f: Filters) => void;
  teams: readonly TeamOption[];
}

const STATUS_OPTIONS: { value: CaseStatusFilter; label: string }[] = [
  { value: 'all', label: 'All clients' },
  { value: 'open', label: 'Open cases' },
  { value: 'closed', label: 'Closed only' },
];

const isStatus = (v: string): v is CaseStatusFilter => v === 'all' || v === 'open' || v === 'closed';

export function CaseloadFilters({ query, onQueryChange, filters, onFiltersChange, teams }: CaseloadFiltersProps) {
  return (
    <form role="search" aria-label="Clients" className="cl-filters" onSubmit={(e) => e.preventDefault()}>
      <TextInput
        id="caseload-search"
        type="search"
        label="Search clients"
        hint="Name, date of birth (like 5/3/1980) or postcode"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        value={query}
        onChange={onQueryChange}
      />
      <div className="cl-filters__row">
        <Radios
          id="caseload-status"
          legend="Cases"
          layout="inline"
          options={STATUS_OPTIONS}
          value={filters.status}
          onChange={(v) => isStatus(v) && onFiltersChange({ ...filters, status: v })}
        />
        {teams.length > 1 ? (
          <Select
            id="caseload-team"
            label="Team"
            options={[{ value: '', label: 'All my teams' }, ...teams.map((t) => ({ value: t.id, label: t.name }))]}
            value={filters.teamId}
            onChange={(v) => onFiltersChange({ ...filters, teamId: v })}
          />
        ) : null}
        <Checkboxes
          id="caseload-due"
          legend="Tasks"
          options={[{ value: 'due', label: 'Only with tasks due' }]}
          values={filters.tasksDue ? ['due'] : []}
          onChange={(v) => onFiltersChange({ ...filters, tasksDue: v.includes('due') })}
        />
      </div>
    </form>
  );
}
