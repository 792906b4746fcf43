/**
 * Worker-thread entry of the chart renderer (src/node/chartRenderer.ts, Node-only): loads Vega, Vega-Lite,
 * the DejaVu Sans metrics and resvg once, when the worker starts, then draws each chart it is sent as SVG
 * (toSvg, one layout after the other) and rasterises that same SVG to PNG (svgToPngAsync), posting both
 * back. One message is one chart.
 */
import { parentPort } from 'node:worker_threads';
// Imported when the worker starts, not at its first chart: Vega, Vega-Lite, resvg and the font metrics load
// while the thread that started the worker simulates.
import '../render/toSvg.js';
import '../render/toPng.js';
import { chartDrawer, type ChartTask } from './chartRenderer.js';
import { workerErrorMessage } from './workerError.js';

const draw = chartDrawer();

parentPort?.on('message', (task: ChartTask) => {
  draw(task.spec, task.scale).then(
    ({ svg, png }) => parentPort!.postMessage({ id: task.id, svg, png }),
    (error: unknown) => parentPort!.postMessage({ id: task.id, error: workerErrorMessage(error) }),
  );
});
