/** Label and value pairs (a client's details), as a description list; rows with no value say "Not recorded". */
import type { ReactNode } from 'react';

export interface SummaryRow {
  label: string;
  value: ReactNode;
}

export function SummaryList({ rows }: { rows: readonly SummaryRow[] }) {
  return (
    <dl className="rs-summary">
      {rows.map((row) => (
        <div key={row.label} style={{ display: 'contents' }}>
          <dt>{row.label}</dt>
          <dd>{row.value === undefined || row.value === null || row.value === '' ? <span className="rs-muted">Not recorded</span> : row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
