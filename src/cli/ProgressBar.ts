/**
 * A one-line progress bar with an estimate of the time left, drawn on stderr only when stderr is a
 * terminal (so logs, pipes and `--json` consumers never see it).
 */
import type { TextSink } from './CliContext.js';

/**
 * Formats seconds as `1h 02m`, `3m 05s` or `42s`.
 *
 * @example
 * formatDuration(185) // => '3m 05s'
 */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/**
 * Progress bar. `update(done, total)` redraws at most ten times a second; `finish()` clears the line.
 *
 * @example
 * const bar = new ProgressBar({ sink: process.stderr, enabled: process.stderr.isTTY, label: 'simulating' });
 * bar.update(50, 100); // draws "simulating [##########          ]  50%  about 3s left"
 */
export class ProgressBar {
  private readonly sink: TextSink;
  private readonly enabled: boolean;
  private readonly label: string;
  private readonly width: number;
  private readonly now: () => number;
  private readonly started: number;
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(options: { sink: TextSink; enabled: boolean; label: string; width?: number; now?: () => number }) {
    this.sink = options.sink;
    this.enabled = options.enabled;
    this.label = options.label;
    this.width = options.width ?? 30;
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
  }

  /** Reports `done` of `total` units of work. */
  update(done: number, total: number): void {
    if (!this.enabled || total <= 0) return;
    const now = this.now();
    if (now - this.lastDraw < 100 && done < total) return;
    this.lastDraw = now;
    const fraction = Math.min(1, Math.max(0, done / total));
    const filled = Math.round(fraction * this.width);
    const elapsed = (now - this.started) / 1000;
    const left = fraction > 0 && elapsed > 0.5 ? `  about ${formatDuration((elapsed * (1 - fraction)) / fraction)} left` : '';
    const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
    this.sink.write(`\r${this.label} [${'#'.repeat(filled)}${' '.repeat(this.width - filled)}] ${percent}${left}\u001b[K`);
    this.drawn = true;
  }

  /** Clears the bar's line. */
  finish(): void {
    if (this.enabled && this.drawn) this.sink.write('\r\u001b[K');
    this.drawn = false;
  }
}
