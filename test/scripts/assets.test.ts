import { readFileSync } from "node:fs";
import { join } from "node:path";

const ASSETS = join(__dirname, "..", "..", "assets");

/** Width, height and colour type from a PNG's IHDR chunk (bytes 16 to 25). */
function pngHeader(file: string) {
  const bytes = readFileSync(join(ASSETS, file));
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes[25] };
}

/** The size an SVG source declares on its root element. */
function svgSize(file: string) {
  const root = /<svg[^>]*>/.exec(readFileSync(join(ASSETS, file), "utf8"))![0];
  return { width: Number(/width="(\d+)"/.exec(root)![1]), height: Number(/height="(\d+)"/.exec(root)![1]) };
}

// The Marketplace store listing's graphic assets (docs/deploy.md): icons of 128 and 32 pixels and
// a 220×140 card banner, each rendered by `npm run icons` from the SVG of the same size.
// Icons have transparent rounded corners (colour type 6, RGBA); the banner is opaque (2, RGB).
describe.each([
  ["icon.svg", "icon-128.png", 128, 128, 6],
  ["icon-32.svg", "icon-32.png", 32, 32, 6],
  ["banner.svg", "banner-220x140.png", 220, 140, 2],
])("%s → %s", (svg, png, width, height, colourType) => {
  it(`is a ${width}×${height} PNG, drawn at that size`, () => {
    expect(pngHeader(png)).toEqual({ width, height, colourType });
    expect(svgSize(svg)).toEqual({ width, height });
  });
});
