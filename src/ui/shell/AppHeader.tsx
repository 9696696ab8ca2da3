/**
 * The top bar: app name (a link home), who is signed in and their role, and sign out. On a shared
 * tablet the name is the first thing to check before recording anything, so it is always visible.
 */
import { Link } from 'react-router';

export interface AppHeaderProps {
  userName: string;
  roleLabel: string;
  onSignOut: () => void;
}

export function AppHeader({ userName, roleLabel, onSignOut }: AppHeaderProps) {
  return (
    <header className="rs-header">
      <div className="rs-header__inner">
        <Link to="/" className="rs-header__name">
          Resonance
        </Link>
        <div className="rs-header__user">
          <p className="rs-header__who">
            <span className="rs-visually-hidden">Signed in as </span>
            <span className="rs-header__person">{userName}</span>
            <span className="rs-header__role">{roleLabel}</span>
          </p>
          <button type="button" className="rs-header__signout" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
