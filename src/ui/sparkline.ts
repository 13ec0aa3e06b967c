/**
 * A tiny trend line of a key result's last check-ins, drawn with SVG elements (no markup strings):
 * the values oldest first, a dot on the latest, and the target as a dashed line when it is known.
 * It is an image with a text alternative; the history list next to it has the details.
 */
const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 96;
const HEIGHT = 24;
const PAD = 3;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

/**
 * @param values at least two numbers, oldest first
 * @param target drawn as a dashed line, or null
 * @param label the text alternative
 */
export function sparkline(values: readonly number[], target: number | null, label: string): SVGSVGElement {
  const domain = target === null ? [...values] : [...values, target];
  let low = Math.min(...domain);
  let high = Math.max(...domain);
  if (high === low) {
    low -= 1;
    high += 1;
  }
  const x = (i: number) => PAD + (i * (WIDTH - 2 * PAD)) / Math.max(1, values.length - 1);
  const y = (v: number) => HEIGHT - PAD - ((v - low) * (HEIGHT - 2 * PAD)) / (high - low);
  const round = (n: number) => Math.round(n * 10) / 10;
  const root = svg("svg", {
    class: "sparkline",
    width: WIDTH,
    height: HEIGHT,
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: "img",
    "aria-label": label,
  });
  if (target !== null) {
    root.appendChild(
      svg("line", { class: "target", x1: PAD, x2: WIDTH - PAD, y1: round(y(target)), y2: round(y(target)) }),
    );
  }
  const points = values.map((v, i) => `${round(x(i))},${round(y(v))}`).join(" ");
  root.appendChild(svg("polyline", { class: "line", points, fill: "none" }));
  const last = values.length - 1;
  root.appendChild(svg("circle", { class: "last", cx: round(x(last)), cy: round(y(values[last]!)), r: 2.5 }));
  return root;
}
