/** The plain "Page not found" page, with the way back. */
import { Link } from 'react-router';
import { PageHeading } from '../ui/shell';

export default function NotFoundPage() {
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p>If you typed the address, check it is correct.</p>
      <p>If you followed a link, the record may not be on this device. It may belong to someone else&apos;s caseload, or it has not synced yet.</p>
      <p>
        <Link to="/">Go to your caseload</Link>
      </p>
    </>
  );
}
