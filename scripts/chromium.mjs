/**
 * Headless Chromium for the scripts (screenshots, icons): CHROMIUM_PATH, else the system's
 * Chromium, else the binary shipped in the npm package @sparticuz/chromium. No network needed.
 */
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-sync",
];

export async function launchChromium() {
  const system = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find(
    existsSync,
  );
  const executablePath = process.env.CHROMIUM_PATH ?? system;
  if (executablePath) return chromium.launch({ executablePath, args: FLAGS, headless: true });
  const { default: shipped } = await import("@sparticuz/chromium");
  // "--single-process" suits Lambda, but closing one page there ends the whole browser.
  const args = [...shipped.args.filter((a) => a !== "--single-process"), ...FLAGS];
  return chromium.launch({ executablePath: await shipped.executablePath(), args, headless: true });
}
