/**
 * Primary navigation: a few large targets (at least 48px), the current one marked with
 * aria-current by react-router's NavLink and drawn as a filled tab.
 */
import { NavLink } from 'react-router';

export interface NavItem {
  to: string;
  label: string;
  /** Match only this exact path (the caseload at `/` must not stay current on every page). */
  end?: boolean;
  /** A small count after the label, e.g. tasks due; omitted when 0. */
  count?: number;
  countLabel?: string;
}

export function MainNav({ items }: { items: readonly NavItem[] }) {
  return (
    <nav className="rs-nav" aria-label="Main">
      <ul className="rs-nav__list">
        {items.map((item) => (
          <li key={item.to} className="rs-nav__item">
            <NavLink to={item.to} end={item.end ?? false} className="rs-nav__link">
              {item.label}
              {item.count ? (
                <span className="rs-nav__count">
                  {item.count}
                  {item.countLabel ? <span className="rs-visually-hidden"> {item.countLabel}</span> : null}
                </span>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
