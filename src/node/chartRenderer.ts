/**
 * How a report draws its charts: each chart laid out by Vega once as SVG and that SVG rasterised to PNG,
 * either in this thread ({@link renderChartHere}) or on a worker thread ({@link startChartRenderer}) that
 * loads Vega, Vega-Lite, the fonts and resvg once when it starts, so `run --out` can have them loaded and
 * the run's charts drawn while the list-size sweep and the assumptions draws simulate in this thread.
 * Both give the same bytes: the same code lays out the same spec.
 *
 * Node-only (worker threads).
 */
import type { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { startWorker } from './startWorker.js';
import { errorFromWorker, type WorkerErrorMessage } from './workerError.js';

/** A chart drawn: its SVG document (sizes in CSS pixels) and the PNG rasterised from that SVG. */
export interface RenderedChart {
  svg: string;
  png: Uint8Array;
}

/** A chart sent to the chart worker (src/node/chartWorker.ts): its Vega-Lite spec and the PNG's pixels per CSS pixel. */
export interface ChartTask {
  id: number;
  spec: TopLevelSpec;
  scale: number;
}

/** Draws a Vega-Lite spec as SVG and PNG at `scale` pixels per CSS pixel. */
export type ChartRender = (spec: TopLevelSpec, scale: number) => Promise<RenderedChart>;

/**
 * A chart drawer: each chart laid out by Vega as SVG in turn (one layout after the other, in the order
 * asked), its PNG rasterised from that SVG by resvg on libuv's thread pool while the next chart is laid
 * out. Vega and resvg are imported on the first chart, so a command that draws nothing never loads them.
 *
 * @returns a {@link ChartRender}: `(spec, scale) => Promise<{ svg, png }>`
 * @throws (the promise) Error when Vega-Lite cannot compile a spec; InputError for a scale outside (0, 8]
 * @example
 * const draw = chartDrawer(); (await draw(spec, 2)).svg.startsWith('<svg') // => true
 */
export function chartDrawer(): ChartRender {
  let layouts: Promise<unknown> = Promise.resolve();
  return (spec, scale) => {
    const svg = layouts.then(async () => (await import('../render/toSvg.js')).toSvg(spec));
    layouts = svg.catch(() => undefined);
    return svg.then(async (text) => ({ svg: text, png: await (await import('../render/toPng.js')).svgToPngAsync(text, scale) }));
  };
}

/** Draws charts in this thread ({@link chartDrawer}): the report's default. */
export const renderChartHere: ChartRender = chartDrawer();

/** A chart renderer on its own worker thread; {@link ChartRenderer.close} ends it. */
export interface ChartRenderer {
  /**
   * Draws a chart on the worker; a spec asked for again (the same JSON and scale) is drawn once and its
   * first drawing returned, so charts drawn ahead of the report are not drawn twice.
   */
  render: ChartRender;
  /** Terminates the worker; charts still pending reject. */
  close(): Promise<void>;
}

/**
 * Starts the chart worker (src/node/chartWorker.ts), which loads Vega, Vega-Lite, the fonts and resvg at
 * once, while the caller goes on. The worker keeps the process alive only while a chart is pending.
 *
 * @returns the renderer: `render(spec, scale)` and `close()`
 * @example
 * const renderer = startChartRenderer();
 * try { (await renderer.render(spec, 2)).png } finally { await renderer.close() } // => Uint8Array [137, 80, 78, 71, …]
 */
export function startChartRenderer(): ChartRenderer {
  const worker: Worker = startWorker('chartWorker');
  worker.unref();
  const pending = new Map<number, { resolve: (chart: RenderedChart) => void; reject: (error: Error) => void }>();
  const drawn = new Map<string, Promise<RenderedChart>>();
  let nextId = 0;
  let ended: Error | undefined;
  const failAll = (error: Error) => {
    ended ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    worker.unref();
  };
  worker.on('message', (message: { id: number; svg?: string; png?: Uint8Array; error?: WorkerErrorMessage }) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (pending.size === 0) worker.unref();
    if (message.error) waiting.reject(errorFromWorker(message.error));
    else waiting.resolve({ svg: message.svg!, png: message.png! });
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`chart worker exited with code ${code}`)));
  const draw = (spec: TopLevelSpec, scale: number) =>
    new Promise<RenderedChart>((resolve, reject) => {
      if (ended) return reject(ended);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.ref();
      const task: ChartTask = { id, spec, scale };
      worker.postMessage(task);
    });
  return {
    render(spec, scale) {
      const key = `${scale} ${JSON.stringify(spec)}`;
      let chart = drawn.get(key);
      if (!chart) {
        chart = draw(spec, scale);
        // A chart drawn ahead that nobody awaits in the end (an aborted run) is not an unhandled rejection.
        chart.catch(() => undefined);
        drawn.set(key, chart);
      }
      return chart;
    },
    async close() {
      ended ??= new Error('the chart renderer was closed');
      await worker.terminate();
    },
  };
}
