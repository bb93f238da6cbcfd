#!/usr/bin/env node
/**
 * Draws the app icon (an open white book on a blue rounded square) and writes resources/icon.png (256x256)
 * and resources/icon.ico (16, 24, 32, 48, 64, 128, 256; PNG-compressed entries). No image libraries: the
 * PNG is encoded with zlib, edges are anti-aliased by 4x4 supersampling. The outputs are committed; run
 * again only to change the design: `node scripts/make-icon.mjs`.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources');

const BG = [31, 95, 168];     // blue
const PAGE = [255, 255, 255];
const LINE = [150, 178, 214]; // text lines on the pages
const MARK = [214, 52, 44];   // the red bookmark

/** Inside a convex or concave polygon (even-odd rule). */
function inPolygon(x, y, pts) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// Geometry in a 256-unit design space.
const leftPage = [[124, 84], [44, 68], [44, 186], [124, 202]];
const rightPage = leftPage.map(([x, y]) => [256 - x, y]);
const bookmark = [[150, 76], [170, 80], [170, 122], [160, 114], [150, 120]];

/** Colour (RGBA) at a design-space point, or null for transparent. */
function shade(x, y) {
  if (!inRoundedRect(x, y, 8, 8, 248, 248, 44)) return null;
  if (inPolygon(x, y, bookmark)) return MARK;
  for (const page of [leftPage, rightPage]) {
    if (!inPolygon(x, y, page)) continue;
    const left = page === leftPage;
    const fromSpine = left ? 124 - x : x - 132;
    // Text lines follow the page's slant: y rises 16 units over the 80-unit page width.
    const yOnSpine = y - (fromSpine / 80) * -16;
    for (let k = 0; k < 5; k++) {
      const ly = 106 + k * 18;
      if (fromSpine > 12 && fromSpine < 66 && Math.abs(yOnSpine - ly) < 2.5) return LINE;
    }
    return PAGE;
  }
  return BG;
}

function render(size) {
  const ss = 4;
  const px = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade(((pxl + (sx + 0.5) / ss) * 256) / size, ((py + (sy + 0.5) / ss) * 256) / size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const o = (py * size + pxl) * 4;
      if (a) {
        px[o] = Math.round(r / a); px[o + 1] = Math.round(g / a); px[o + 2] = Math.round(b / a);
        px[o + 3] = Math.round((255 * a) / (ss * ss));
      }
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4); // filter 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO container holding PNG images (allowed since Windows Vista, and what electron-builder accepts). */
function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  const dir = Buffer.alloc(16 * images.length);
  let offset = 6 + dir.length;
  images.forEach(({ size, png }, i) => {
    const e = i * 16;
    dir[e] = size >= 256 ? 0 : size;
    dir[e + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, e + 4);  // planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(png.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, dir, ...images.map((im) => im.png)]);
}

fs.mkdirSync(outDir, { recursive: true });
const sizes = [16, 24, 32, 48, 64, 128, 256];
const images = sizes.map((size) => ({ size, png: encodePng(size, render(size)) }));
fs.writeFileSync(path.join(outDir, 'icon.png'), images.at(-1).png);
fs.writeFileSync(path.join(outDir, 'icon.ico'), encodeIco(images));
console.log(`resources/icon.png (256x256), resources/icon.ico (${sizes.join(', ')})`);
