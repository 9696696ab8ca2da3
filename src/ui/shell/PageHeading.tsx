/**
 * The page's one h1, with an optional caption above it (e.g. the client's name over "Record consent")
 * and actions beside it. The app shell moves focus to the h1 after each navigation, so it carries
 * tabIndex -1.
 */
import type { ReactNode } from 'react';

export interface PageHeadingProps {
  children: ReactNode;
  caption?: ReactNode;
  actions?: ReactNode;
}

export function PageHeading({ children, caption, actions }: PageHeadingProps) {
  return (
    <div className="rs-page-heading">
      <div className="rs-page-heading__text">
        {caption ? <p className="rs-page-heading__caption">{caption}</p> : null}
        <h1 tabIndex={-1} className="rs-page-heading__title">
          {children}
        </h1>
      </div>
      {actions ? <div className="rs-page-heading__actions">{actions}</div> : null}
    </div>
  );
}
