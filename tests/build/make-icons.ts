/**
 * Draws the Resonance app icons and writes them as PNGs into public/icons (run by hand:
 * `npx tsx tests/build/make-icons.ts`; the PNGs are committed). No image library: a tiny RGBA
 * rasteriser with 4x4 supersampling for smooth edges and a PNG encoder on node:zlib, so the icons are
 * reproducible on any machine and tests/build/icons.test.ts can check the committed files still match.
 *
 * The mark: a dot with two rings around it (a sound resonating outward) in off-white on deep teal.
 * - `any` icons: a rounded-square tile with transparent corners, the mark filling most of it.
 * - `maskable` icon: full-bleed teal with the mark inside the central 80% safe zone, because launchers
 *   crop maskable icons to circles, squircles or teardrops and anything outside that zone may be cut.
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Theme colours, kept in step with the manifest in vite.config.ts. */
export const TEAL = [0x0b, 0x55, 0x63] as const;
export const OFF_WHITE = [0xf7, 0xf5, 0xf0] as const;

type Rgb = readonly [number, number, number];
type Shape = 'tile' | 'full-bleed';

export interface IconSpec {
  file: string;
  size: number;
  shape: Shape;
  /** Radius of the outer ring as a share of the icon size; smaller for maskable (safe zone). */
  markScale: number;
}

export const ICONS: readonly IconSpec[] = [
  { file: 'icon-192.png', size: 192, shape: 'tile', markScale: 0.36 },
  { file: 'icon-512.png', size: 512, shape: 'tile', markScale: 0.36 },
  // 0.3 keeps the outer ring (plus its stroke) inside the 40%-radius safe circle of a maskable icon.
  { file: 'icon-maskable-512.png', size: 512, shape: 'full-bleed', markScale: 0.3 },
  // iOS ignores the manifest icons and wants a full-bleed 180px apple-touch-icon.
  { file: 'apple-touch-icon-180.png', size: 180, shape: 'full-bleed', markScale: 0.34 },
];

/** Supersampling per axis: 4x4 = 16 samples per pixel is enough for clean circle edges. */
const SAMPLES = 4;

/** Coverage colour at a point in unit coordinates (0..1), or null when transparent. */
function colourAt(x: number, y: number, spec: IconSpec): Rgb | null {
  if (spec.shape === 'tile') {
    // Rounded square with a 22% corner radius, close to what launchers draw for 'any' icons.
    const r = 0.22;
    const dx = Math.max(r - x, 0, x - (1 - r));
    const dy = Math.max(r - y, 0, y - (1 - r));
    if (dx * dx + dy * dy > r * r) return null;
  }
  const d = Math.hypot(x - 0.5, y - 0.5) / spec.markScale;
  const stroke = 0.13;
  const inDot = d <= 0.24;
  const inInnerRing = Math.abs(d - 0.55) <= stroke / 2;
  const inOuterRing = Math.abs(d - 0.93) <= stroke / 2;
  return inDot || inInnerRing || inOuterRing ? OFF_WHITE : TEAL;
}

/** Renders the icon to straight (non-premultiplied) RGBA bytes. */
export function renderIcon(spec: IconSpec): Buffer {
  const { size } = spec;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size, spec);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        out[i] = Math.round(r / covered);
        out[i + 1] = Math.round(g / covered);
        out[i + 2] = Math.round(b / covered);
      }
      out[i + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** Encodes RGBA bytes as a PNG (colour type 6, 8 bits, filter 0 on every row). */
export function encodePng(rgba: Buffer, size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function iconPng(spec: IconSpec): Buffer {
  return encodePng(renderIcon(spec), spec.size);
}

export const ICON_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'icons');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(ICON_DIR, { recursive: true });
  for (const spec of ICONS) {
    writeFileSync(join(ICON_DIR, spec.file), iconPng(spec));
    console.log(`wrote public/icons/${spec.file}`);
  }
}
