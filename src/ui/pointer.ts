/**
 * While a pointer is pressed nothing moves: a message appearing on leaving a field would push the
 * button away from under the click that left it, and the click would be lost. Work asked for
 * meanwhile waits until the pointer is released, then runs after the click it was pressed for.
 * One listener pair for the whole page, shared by the wizard and the check-in.
 */
let down = false;
const waiting = new Set<() => void>();

function release(): void {
  down = false;
  if (waiting.size === 0) return;
  const runs = [...waiting];
  waiting.clear();
  setTimeout(() => runs.forEach((run) => run()), 0); // after the click
}

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  document.addEventListener("pointerdown", () => (down = true), true);
  document.addEventListener("pointerup", release, true);
  document.addEventListener("pointercancel", release, true);
}

/**
 * Runs `run` now, or once the pressed pointer is released. The same function asked for twice
 * while pressed runs once.
 */
export function whenReleased(run: () => void): void {
  listen();
  if (down) waiting.add(run);
  else run();
}

/** Starts watching the pointer: call it when a view that defers work is first built. */
export const watchPointer = listen;
