/** Public face of the app shell's presentational parts (no data access; src/app wires them). */
export { AppHeader, type AppHeaderProps } from './AppHeader';
export { Banner, type BannerProps, type BannerTone } from './Banner';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export { FullPageMessage, type FullPageMessageProps } from './FullPageMessage';
export { MainNav, type NavItem } from './MainNav';
export { PageHeading, type PageHeadingProps } from './PageHeading';
export { ShellLayout, type ShellLayoutProps } from './ShellLayout';
export { SkipLink } from './SkipLink';
export { StatusBar, type StatusBarProps, type SyncTone } from './StatusBar';
export { countOf, formatAgo, formatDate, formatDateTime, formatDayOf, formatDuration, labelFromSlug } from './format';
export { Tag, type TagTone } from './Tag';
export { SummaryList, type SummaryRow } from './SummaryList';
