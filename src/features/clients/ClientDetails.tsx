/** A client's details as a summary list; empty fields say "Not recorded". */
import type { Client } from '#shared/schemas/index';
import type { TeamRef } from '#shared/domain/roles';
import { formatDate, formatDateTime, SummaryList } from '../../ui/shell';
import { needLabel } from './vocabulary';

export interface ClientDetailsProps {
  client: Readonly<Client>;
  teams: readonly TeamRef[];
  currentUserId: string;
}

export function ClientDetails({ client, teams, currentUserId }: ClientDetailsProps) {
  const team = teams.find((t) => t.id === client.teamId)?.name ?? 'Another team';
  return (
    <SummaryList
      rows={[
        { label: 'Date of birth', value: client.dateOfBirth ? formatDate(client.dateOfBirth) : '' },
        { label: 'Phone', value: client.phone },
        { label: 'Email', value: client.email },
        { label: 'Address', value: client.address ? <span className="cp-address">{client.address}</span> : '' },
        { label: 'Postcode', value: client.postcode },
        { label: 'Language', value: client.language },
        { label: 'Needs', value: (client.needs ?? []).map(needLabel).join(', ') },
        { label: 'Notes', value: client.notes ? <span className="cp-notes">{client.notes}</span> : '' },
        { label: 'Team', value: team },
        { label: 'Registered', value: `${formatDateTime(client.createdAt)} by ${client.createdBy === currentUserId ? 'you' : 'a colleague'}` },
      ]}
    />
  );
}
