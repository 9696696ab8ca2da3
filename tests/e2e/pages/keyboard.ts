/**
 * Keyboard-only driving for accessibility tests: Tab until a described element has focus, and read
 * what has focus (and whether it shows a focus ring). Only Tab, Enter, Space and typing are used.
 */
import type { Page } from 'playwright-core';

/** What to Tab to; every given part must match the focused element. */
export interface FocusTarget {
  /** Lower-case tag name, e.g. 'a', 'button', 'input', 'textarea'. */
  tag?: string;
  /** input type, e.g. 'radio'. */
  type?: string;
  /** Matches the element's text (links, buttons) or its label's text (fields). */
  name?: RegExp;
  /** Matches the legend of the fieldset the element is in. */
  legend?: RegExp;
}

export interface FocusedElement {
  tag: string;
  name: string;
  /** The element draws an outline or box-shadow when focused (a visible focus indicator). */
  hasFocusRing: boolean;
}

export async function focused(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement)) return { tag: '', name: '', hasFocusRing: false };
    const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])] : [];
    const name = (labels.length > 0 ? labels.map((l) => l.textContent ?? '').join(' ') : (el.textContent ?? '')).replace(/\s+/g, ' ').trim();
    const style = getComputedStyle(el);
    const hasFocusRing = (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
    return { tag: el.tagName.toLowerCase(), name, hasFocusRing };
  });
}

/** Presses Tab until the focused element matches, at most `maxTabs` times; returns what has focus. */
export async function tabTo(page: Page, target: FocusTarget, maxTabs = 200): Promise<FocusedElement> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const match = await page.evaluate(
      ({ tag, type, name, nameFlags, legend, legendFlags }) => {
        const el = document.activeElement;
        if (!(el instanceof HTMLElement)) return false;
        if (tag && el.tagName.toLowerCase() !== tag) return false;
        if (type && (el as HTMLInputElement).type !== type) return false;
        const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])] : [];
        const text = (labels.length > 0 ? labels.map((l) => l.textContent ?? '').join(' ') : (el.textContent ?? '')).replace(/\s+/g, ' ').trim();
        if (name !== undefined && !new RegExp(name, nameFlags).test(text)) return false;
        if (legend !== undefined) {
          const l = el.closest('fieldset')?.querySelector('legend')?.textContent ?? '';
          if (!new RegExp(legend, legendFlags).test(l.trim())) return false;
        }
        return true;
      },
      // RegExps cross into the page as source and flags.
      {
        tag: target.tag,
        type: target.type,
        name: target.name?.source,
        nameFlags: target.name?.flags,
        legend: target.legend?.source,
        legendFlags: target.legend?.flags,
      },
    );
    if (match) return focused(page);
  }
  throw new Error(`Tab never reached ${JSON.stringify({ ...target, name: target.name?.source, legend: target.legend?.source })}`);
}
