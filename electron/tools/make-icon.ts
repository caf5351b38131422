import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

import { isMainModule } from './paths';

/**
 * Draws the app icon (build/icon.png, 512 px; electron-builder derives .ico and .icns from it): a white house
 * with a lit door on Mantine blue, a sheltering roof for "Obhut". Generated rather than drawn so that it can be
 * remade without an image editor. Run: npx tsx electron/tools/make-icon.ts
 */
export const ICON_PATH = fileURLToPath(new URL('../../build/icon.png', import.meta.url));

type Rgba = [number, number, number, number];
const BLUE: Rgba = [28, 126, 214, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const AMBER: Rgba = [252, 196, 25, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Colour at a point of the unit square (0..1, y down). */
function shade(x: number, y: number): Rgba {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;
  const roof = y >= 0.2 && y <= 0.5 && Math.abs(x - 0.5) <= (y - 0.2) * (0.32 / 0.3) + 0.02;
  const roofHollow = y > 0.3 && Math.abs(x - 0.5) < (y - 0.3) * (0.32 / 0.3) - 0.02 && y <= 0.5;
  const body = y > 0.45 && y <= 0.8 && Math.abs(x - 0.5) <= 0.24;
  const door = y > 0.6 && y <= 0.8 && Math.abs(x - 0.5) <= 0.065;
  if (door) return AMBER;
  if (body) return WHITE;
  if (roof && !roofHollow) return WHITE;
  return BLUE;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typed.copy(out, 4);
  out.writeUInt32BE(crc32(typed), 8 + data.length);
  return out;
}

export function renderIcon(size = 512, samples = 4): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    const row = py * (size * 4 + 1);
    rows[row] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          for (let i = 0; i < 3; i++) sum[i] += c[i] * c[3];
          sum[3] += c[3];
        }
      }
      const n = samples * samples;
      const alpha = sum[3] / n;
      const at = row + 1 + px * 4;
      for (let i = 0; i < 3; i++) rows[at + i] = alpha ? Math.round(sum[i] / sum[3]) : 0;
      rows[at + 3] = Math.round(alpha);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (isMainModule(import.meta.url)) {
  writeFileSync(ICON_PATH, renderIcon());
  console.log(`geschrieben: ${ICON_PATH}`);
}
