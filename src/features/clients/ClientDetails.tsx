/** A client's details as a summary list; empty fields say "Not recorded". Team and staff names come from the people directory. */
import type { Client } from '#shared/schemas/index';
import { formatDate, formatDateTime, SummaryList } from '../../ui/shell';
import { needLabel, staffNameInSentence, type NameOf } from './vocabulary';

export interface ClientDetailsProps {
  client: Readonly<Client>;
  teamName: (teamId: string) => string | undefined;
  currentUserId: string;
  nameOf: NameOf;
}

export function ClientDetails({ client, teamName, currentUserId, nameOf }: ClientDetailsProps) {
  const team = teamName(client.teamId) ?? 'Another team';
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
        { label: 'Registered', value: `${formatDateTime(client.createdAt)} by ${staffNameInSentence(client.createdBy, currentUserId, nameOf)}` },
      ]}
    />
  );
}
