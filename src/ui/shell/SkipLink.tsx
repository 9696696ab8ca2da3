/** The first focusable element of every page: jumps past the header and navigation to the main content. */
export function SkipLink({ targetId = 'main-content' }: { targetId?: string }) {
  return (
    <a className="rs-skip-link" href={`#${targetId}`}>
      Skip to main content
    </a>
  );
}
