/** What the caseload says when there is nothing to list: no clients on the device yet, or none matching. */
import { Link } from 'react-router';
import { EmptyState } from '../../ui/shell';

export function CaseloadEmpty({ hasClients, query }: { hasClients: boolean; query: string }) {
  if (!hasClients) {
    return (
      <EmptyState title="No clients on this device yet">
        <p>When you are online, your caseload syncs to this device and appears here.</p>
        <p>
          If you have met someone new, <Link to="/clients/new">register a client</Link>.
        </p>
      </EmptyState>
    );
  }
  const q = query.trim();
  return (
    <EmptyState title={q ? `No clients match “${q}”` : 'No clients match these filters'}>
      <p>Check the spelling, try part of the name, a date of birth like 5/3/1980, or a postcode.{q ? '' : ' Or change the filters above.'}</p>
      <p>
        Only clients on this device can be found. If this is someone new, <Link to="/clients/new">register them as a client</Link>.
      </p>
    </EmptyState>
  );
}
