/**
 * The committed app icons are exactly what tests/build/make-icons.ts draws, so the script stays the
 * source of truth: change the drawing, run `npx tsx tests/build/make-icons.ts`, commit both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICONS, ICON_DIR, iconPng } from './make-icons';

describe('app icons', () => {
  for (const spec of ICONS) {
    it(`public/icons/${spec.file} is the drawn ${spec.size}px ${spec.shape} icon`, () => {
      const committed = readFileSync(join(ICON_DIR, spec.file));
      // PNG IHDR: width and height at bytes 16..23.
      expect(committed.readUInt32BE(16)).toBe(spec.size);
      expect(committed.readUInt32BE(20)).toBe(spec.size);
      expect(committed.equals(iconPng(spec)), 'icon differs from make-icons.ts output; re-run the script').toBe(true);
    });
  }
});
