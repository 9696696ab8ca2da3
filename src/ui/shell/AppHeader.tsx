/**
 * The top bar: app name (a link home), quick exit, who is signed in and their role, lock, and sign
 * out. On a shared tablet the name is the first thing to check before recording anything, so it is
 * always visible. Quick exit comes first in the tab order after the skip link: one tap or one key
 * press leaves to a neutral page (the app wires what it does).
 */
import { Link } from 'react-router';

export interface AppHeaderProps {
  userName: string;
  roleLabel: string;
  onSignOut: () => void;
  /** Leaves to a neutral page and locks the app, in one tap. */
  onQuickExit: () => void;
  /** Locks now (the PIN screen); switching user starts there too. */
  onLock: () => void;
}

export function AppHeader({ userName, roleLabel, onSignOut, onQuickExit, onLock }: AppHeaderProps) {
  return (
    <header className="rs-header">
      <div className="rs-header__inner">
        <Link to="/" className="rs-header__name">
          Resonance
        </Link>
        <button type="button" className="rs-quick-exit" onClick={onQuickExit}>
          Quick exit
        </button>
        <div className="rs-header__user">
          <p className="rs-header__who">
            <span className="rs-visually-hidden">Signed in as </span>
            <span className="rs-header__person">{userName}</span>
            <span className="rs-header__role">{roleLabel}</span>
          </p>
          <button type="button" className="rs-header__signout" onClick={onLock}>
            Lock
          </button>
          <button type="button" className="rs-header__signout" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
