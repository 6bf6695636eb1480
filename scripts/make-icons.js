#!/usr/bin/env node
// Draws the Teams app icons with pngjs, so that they are reproducible and need no image editor:
//   appPackage/color.png   192x192, full colour: a white shield with a check mark on the brand blue.
//   appPackage/outline.png  32x32, transparent background, the shield outline in white only (Teams rule).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { PNG } = require('pngjs');

const BLUE = [0x1f, 0x5f, 0xbf];

/** Signed "inside the shield" test in unit coordinates (0..1, y down): a flat top, straight sides, a pointed base. */
function inShield(x, y, inset) {
  const left = 0.18 + inset;
  const right = 0.82 - inset;
  const top = 0.12 + inset;
  if (y < top || x < left || x > right) return false;
  if (y <= 0.55) return true;
  // Below the shoulder the sides curve in to the point at (0.5, 0.9 - inset).
  const bottom = 0.9 - inset;
  if (y > bottom) return false;
  const t = (y - 0.55) / (bottom - 0.55);
  const half = (0.32 - inset) * Math.sqrt(Math.max(0, 1 - t * t));
  return Math.abs(x - 0.5) <= half;
}

function onCheck(x, y, width) {
  // Two strokes: (0.36,0.5) → (0.46,0.62) → (0.66,0.38).
  const seg = (ax, ay, bx, by) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= width;
  };
  return seg(0.36, 0.5, 0.46, 0.62) || seg(0.46, 0.62, 0.66, 0.38);
}

function draw(size, pixel) {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const samples = 4; // supersampling for smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [cr, cg, cb, ca] = pixel((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      png.data[i] = a === 0 ? 0 : Math.round(r / a);
      png.data[i + 1] = a === 0 ? 0 : Math.round(g / a);
      png.data[i + 2] = a === 0 ? 0 : Math.round(b / a);
      png.data[i + 3] = Math.round(a / n);
    }
  }
  return png;
}

function colorPixel(x, y) {
  if (inShield(x, y, 0) && !inShield(x, y, 0.05)) return [255, 255, 255, 255];
  if (inShield(x, y, 0.05) && onCheck(x, y, 0.035)) return [255, 255, 255, 255];
  return [...BLUE, 255];
}

function outlinePixel(x, y) {
  if (inShield(x, y, 0) && !inShield(x, y, 0.09)) return [255, 255, 255, 255];
  if (onCheck(x, y, 0.06)) return [255, 255, 255, 255];
  return [0, 0, 0, 0];
}

function write(file, png) {
  fs.writeFileSync(file, PNG.sync.write(png));
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)} (${png.width}x${png.height})\n`);
}

const dir = path.join(__dirname, '..', 'appPackage');
fs.mkdirSync(dir, { recursive: true });
write(path.join(dir, 'color.png'), draw(192, colorPixel));
write(path.join(dir, 'outline.png'), draw(32, outlinePixel));
