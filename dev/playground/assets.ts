/**
 * Builds what the playground serves and runs, with esbuild, in memory: the worker (worker.ts and
 * the offline runtime, as one CommonJS script), the page (page/main.ts and page/styles.css inlined
 * into page/index.html) and the google.script.run bridge injected into the add-on's HTML.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";

export interface Assets {
  workerCode: string;
  /** import-worker.ts: reads an imported .xlsx file in its own thread. */
  importWorkerCode: string;
  pageHtml: string;
  bridgeScript: string;
}

async function bundle(root: string, entry: string, options: esbuild.BuildOptions): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent",
    ...options,
  });
  return result.outputFiles![0]!.text;
}

/** Inlining a script: "</script" or "<!--" inside it would end or confuse the element. */
function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

export async function buildAssets(root: string): Promise<Assets> {
  const dir = "dev/playground";
  const node = { platform: "node", format: "cjs", target: "node20" } as const;
  const [workerCode, importWorkerCode, pageScript, pageCss, bridge] = await Promise.all([
    bundle(root, `${dir}/worker.ts`, node),
    bundle(root, `${dir}/import-worker.ts`, node),
    bundle(root, `${dir}/page/main.ts`, { platform: "browser", format: "iife", target: "es2020" }),
    bundle(root, `${dir}/page/styles.css`, {}),
    bundle(root, `${dir}/page/bridge.ts`, { platform: "browser", format: "iife", target: "es2020" }),
  ]);
  const template = readFileSync(join(root, dir, "page/index.html"), "utf8");
  const pageHtml = template
    .replace("/* STYLES */", () => pageCss.replace(/<\/(style)/gi, "<\\/$1"))
    .replace("/* SCRIPT */", () => inlineScript(pageScript));
  return { workerCode, importWorkerCode, pageHtml, bridgeScript: inlineScript(bridge) };
}

/** The add-on's HTML with google.script.run bridged to the playground, before any of its scripts. */
export function withBridge(html: string, bridgeScript: string): string {
  const tag = `<script>${bridgeScript}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}
