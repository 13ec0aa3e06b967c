#!/usr/bin/env node
/**
 * `npm run icons`: renders the Marketplace listing's images from their SVG sources in assets/,
 * in headless Chromium, at the exact sizes the store listing asks for (docs/deploy.md, step 9).
 * The PNGs are committed; run this again after changing an SVG.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "./chromium.mjs";
const ASSETS = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");

/** Each image: its source, its output and its size in pixels. */
const IMAGES = [
  { svg: "icon.svg", png: "icon-128.png", width: 128, height: 128 },
  { svg: "icon-32.svg", png: "icon-32.png", width: 32, height: 32 },
  { svg: "banner.svg", png: "banner-220x140.png", width: 220, height: 140 },
];

/** The SVG alone on a page of its own size, so the screenshot is the image, pixel for pixel. */
function page(svg, { width, height }) {
  const style = `html,body{margin:0;background:transparent}svg{display:block;width:${width}px;height:${height}px}`;
  return `<!doctype html><html><head><style>${style}</style></head><body>${svg}</body></html>`;
}

async function main() {
  const browser = await launchChromium();
  try {
    for (const image of IMAGES) {
      const { width, height } = image;
      const tab = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
      await tab.setContent(page(readFileSync(join(ASSETS, image.svg), "utf8"), image));
      const png = await tab.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width, height } });
      writeFileSync(join(ASSETS, image.png), png);
      console.log(`assets/${image.png} ${width}×${height} (${png.length} B)`);
      await tab.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
