/**
 * Shown when a page fails to load or throws while rendering. The usual cause offline is a page
 * that was never downloaded to this device; the message says what to do, and that saved records
 * are safe. Details go to the console for whoever debugs.
 */
import { useEffect } from 'react';
import { Link, useRouteError } from 'react-router';
import { Button } from '../ui/form/Button';
import { PageHeading } from '../ui/shell';

export function RouteError() {
  const error = useRouteError();
  useEffect(() => {
    console.error('Resonance: a page failed', error);
  }, [error]);
  return (
    <main id="main-content" className="rs-main">
      <PageHeading>Sorry, this page could not be shown</PageHeading>
      <p>Your saved records are safe on this device.</p>
      <p>
        If you are offline, this page may not have been downloaded yet. Connect to the internet and reload. If it keeps happening, tell
        your coordinator what you were doing.
      </p>
      <div className="rs-button-row">
        <Button onClick={() => window.location.reload()}>Reload</Button>
        <Link to="/">Go to your caseload</Link>
      </div>
    </main>
  );
}
