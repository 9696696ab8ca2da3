/**
 * Guards a page meant for one role (conflict review is for coordinators). The server enforces access
 * anyway (sync.md A1/A2); this only avoids showing someone a page that can never work for them.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ROLE_LABELS, type Role } from '#shared/domain/roles';
import { useData } from '../features/common/data';
import { PageHeading } from '../ui/shell';

export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { session } = useData();
  if (session.user.role === role) return children;
  return (
    <>
      <PageHeading>This page is for {ROLE_LABELS[role].toLowerCase()}s</PageHeading>
      <p>You are signed in as {ROLE_LABELS[session.user.role].toLowerCase()}, so this page has nothing to show you.</p>
      <p>
        <Link to="/">Go to your caseload</Link>
      </p>
    </>
  );
}
