/**
 * Entry of the briefing page's Web Worker (bundled by scripts/bundleLiveEngine.mjs, started from a Blob
 * URL). Protocol, all messages plain JSON:
 * - page → worker `{type: 'inputs', inputs, map?}` once (see LiveInputs, LiveMap), then `{type: 'run', id, settings}`;
 * - worker → page `{type: 'progress', id, done, total}` after each block of draws,
 *   `{type: 'result', id, figures, milliseconds, mapSpec?, narrowMapSpec?}` (see LiveFigures; mapSpec when
 *   a map was given: the P(win) map of this run; narrowMapSpec its phone version) or `{type: 'error', id, message,
 *   details?}` (details: an InputError's at, expected, found and hint).
 * A run asked while another is queued replaces it: the page only wants the latest position of a control.
 */
import { liveMapSpec, liveRun, type LiveInputs, type LiveMap } from './liveRun.js';
import { InputError } from '../errors.js';

interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
let inputs: LiveInputs | undefined;
let map: LiveMap | undefined;
let pending: { id: number; settings: Record<string, unknown> } | undefined;
let scheduled = false;

function runPending(): void {
  scheduled = false;
  const job = pending;
  pending = undefined;
  if (!job || !inputs) return;
  const started = performance.now();
  try {
    const figures = liveRun(inputs, job.settings, (done, total) => scope.postMessage({ type: 'progress', id: job.id, done, total }));
    const milliseconds = performance.now() - started;
    const maps = map ? { mapSpec: liveMapSpec(figures, map), ...(map.narrowOptions ? { narrowMapSpec: liveMapSpec(figures, map, 'narrow') } : {}) } : {};
    scope.postMessage({ type: 'result', id: job.id, figures, milliseconds, ...maps });
  } catch (error) {
    // An InputError's details go too, so the page can say it in its own language (src/briefing/liveErrors.ts).
    const details = error instanceof InputError ? { at: error.details.at, expected: error.details.expected, found: error.details.found, hint: error.details.hint } : undefined;
    scope.postMessage({ type: 'error', id: job.id, message: error instanceof Error ? error.message : String(error), ...(details ? { details } : {}) });
  }
}

scope.onmessage = (event) => {
  const message = event.data as { type: string; inputs?: LiveInputs; map?: LiveMap; id?: number; settings?: Record<string, unknown> };
  if (message.type === 'inputs' && message.inputs) {
    inputs = message.inputs;
    map = message.map;
  } else if (message.type === 'run' && typeof message.id === 'number') {
    pending = { id: message.id, settings: message.settings ?? {} };
    // Let queued messages arrive first, so only the newest setting runs.
    if (!scheduled) {
      scheduled = true;
      setTimeout(runPending, 0);
    }
  }
};
