/**
 * Counting React's renders in the built app (production React, minified): React reports each commit
 * to the DevTools hook when one is present as it loads, so a page set up with `recordReactRenders`
 * (before its first navigation) keeps, in `window.reactRenders`, the number of components each
 * commit rendered, and in `window.reactRenderTimes` when it happened (performance.now(), after
 * the commit's DOM changes). A commit that renders nothing (React finishing a hidden subtree's work)
 * is counted with 0.
 *
 * Which components rendered is read as React DevTools reads it: walking the committed fiber tree,
 * skipping a subtree whose child list is the one from before (React bailed out of it), and counting
 * a function component when it is new or carries React's PerformedWork flag.
 */
import type { Page } from 'playwright-core';

export async function recordReactRenders(page: Page): Promise<void> {
  await page.addInitScript(() => {
    interface Fiber {
      tag: number;
      flags: number;
      child: Fiber | null;
      sibling: Fiber | null;
      alternate: Fiber | null;
    }
    // React's work tags for function components (plain, forwardRef, memo, simple memo), and its PerformedWork flag.
    const FUNCTION_TAGS = new Set([0, 11, 14, 15]);
    const PERFORMED_WORK = 1;
    const renders: number[] = [];
    const times: number[] = [];
    const count = (first: Fiber | null): number => {
      let n = 0;
      for (let fiber = first; fiber; fiber = fiber.sibling) {
        const fresh = fiber.alternate === null;
        if (FUNCTION_TAGS.has(fiber.tag) && (fresh || (fiber.flags & PERFORMED_WORK) !== 0)) n += 1;
        if (fresh || fiber.child !== fiber.alternate?.child) n += count(fiber.child);
      }
      return n;
    };
    const noop = () => undefined;
    Object.assign(window, {
      reactRenders: renders,
      reactRenderTimes: times,
      __REACT_DEVTOOLS_GLOBAL_HOOK__: {
        supportsFiber: true,
        renderers: new Map(),
        inject: () => 1,
        checkDCE: noop,
        onScheduleFiberRoot: noop,
        onCommitFiberUnmount: noop,
        onPostCommitFiberRoot: noop,
        onCommitFiberRoot: (_renderer: number, root: { current: Fiber }) => {
          renders.push(count(root.current.child));
          times.push(performance.now());
        },
      },
    });
  });
}
