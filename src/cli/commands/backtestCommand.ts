/**
 * `campaign-lab backtest`: scores the uncertainty model on the US elections 2004–2024, each forecast
 * from the result four years before, over a grid of error sizes (Brier and log scores, calibration).
 */
import type { TopLevelSpec } from 'vega-lite';
import { resolve } from 'node:path';
import type { Command } from '../CliContext.js';
import { InputError, describeValue } from '../../errors.js';
import { printJson } from '../printJson.js';
import { toJsonText } from '../../io/jsonText.js';
import { ProgressBar } from '../ProgressBar.js';
import { checkOutputFolder, writeFolderAtomic } from '../../node/writeFileAtomic.js';
import { backtest } from '../../analysis/backtest.js';
import type { BacktestResult } from '../../analysis/backtest.js';
import { availableYears, loadResults } from '../../node/data/loadResults.js';
import { prepareModel } from '../../sim/prepareModel.js';
import { simulate } from '../../sim/simulate.js';
import { calibrationPlot } from '../../charts/calibrationPlot.js';
import { formatCount } from '../../briefing/formatNumber.js';

/** Simulations per year and grid point when --sims is not given. */
const BACKTEST_SIMULATIONS = 1000;

/**
 * The best grid points and their scores as text.
 *
 * @example
 * formatBacktest(result).split('\n')[0] // => 'Backtest of 2016, 2020: 200 simulations per year and grid point, seed 2004'
 */
function formatBacktest(result: BacktestResult): string {
  const lines = [
    `Backtest of ${result.years.join(', ')}: ${formatCount(result.simulations)} simulations per year and grid point, seed ${result.seed}`,
    `${'national'.padStart(9)} ${'regional'.padStart(9)} ${'territory'.padStart(10)} ${'tails'.padStart(6)} ${'unit log'.padStart(9)} ${'unit Brier'.padStart(11)} ${'nat. Brier'.padStart(11)}`,
  ];
  for (const p of result.points.slice(0, 10)) {
    const u = p.uncertainty;
    lines.push(`${String(u.national).padStart(9)} ${String(u.regional).padStart(9)} ${String(u.territory).padStart(10)} ${String(u.tails).padStart(6)} ${p.units.logScore.toFixed(4).padStart(9)} ${p.units.brier.toFixed(4).padStart(11)} ${p.national.brier.toFixed(4).padStart(11)}`);
  }
  lines.push(`Best: national ${result.best.uncertainty.national} pp, regional ${result.best.uncertainty.regional} pp, territory ${result.best.uncertainty.territory} pp, tails ${result.best.uncertainty.tails}`);
  return `${lines.join('\n')}\n`;
}

/** The `backtest` command. */
export const backtestCommand: Command = {
  name: 'backtest',
  summary: 'Score the uncertainty model, or a forecast from polls, on past US elections (Brier, log score, calibration).',
  details:
    'Without --polls: each year is forecast from the result four years before, for every point of a grid of error sizes; the best point is the one with the highest unit log score.\n\nWith --polls FILE --year Y: the year is forecast from the poll file as of --as-of (default the eve of the election; later polls unseen) and 100, 50 and 20 days before the election, with the error model fitted without that year and, unless --no-fundamentals, the national margin of the polls blended with the time-for-change fundamentals prior of that year (Abramowitz; fitted on earlier elections only); prints the state Brier and log scores (50 states and DC), the coverage of the 90 % intervals and P(win), beside the published scores.\n\nExamples: campaign-lab backtest --sims 2000 --years 2016,2020,2024 --json\n          campaign-lab backtest --polls data/polls/us-president-2016-polls.csv --year 2016 --as-of 2016-11-07',
  spec: {
    positionals: [],
    options: {
      sims: { type: 'integer', minimum: 1, valueName: 'N', description: `Simulations per year and grid point (default ${BACKTEST_SIMULATIONS}).` },
      years: { type: 'string', valueName: 'Y,Y,...', description: 'Years to forecast (default 2004 to 2024).' },
      seed: { type: 'integer', valueName: 'S', description: 'Seed, the same for every year and grid point (default 2004).' },
      out: { type: 'string', valueName: 'DIR', description: 'Write backtest.json and the calibration chart (SVG, PNG) to DIR (with --polls: poll-backtest.json and the forecast chart), as run --out writes a report.' },
      polls: { type: 'string', valueName: 'FILE', description: 'Backtest a forecast from this poll file (FiveThirtyEight, Economist/HuffPost or table layout) instead.' },
      year: { type: 'integer', valueName: 'Y', description: 'With --polls: the election year forecast (2004 to 2024).' },
      'as-of': { type: 'string', valueName: 'DATE', description: 'With --polls: forecast day YYYY-MM-DD (default the eve of the election).' },
      'no-fundamentals': { type: 'flag', description: 'With --polls: the polls alone, without the time-for-change fundamentals prior of the year.' },
      json: { type: 'flag', description: 'Print the backtest as one JSON document on stdout.' },
    },
  },
  async run(args, context) {
    const outFolder = args.options.out as string | undefined;
    // A wrong --out (a file, a folder of other files) is said before the backtest runs.
    if (outFolder) await checkOutputFolder(resolve(context.cwd, outFolder), outFolder);
    if (args.options.polls !== undefined) return runPollsBacktest(args.options, context);
    for (const key of ['year', 'as-of', 'no-fundamentals'] as const) {
      if (args.options[key] !== undefined) throw new InputError({ at: `--${key}`, expected: 'given only with --polls FILE', found: describeValue(args.options[key]) });
    }
    let years: number[] | undefined;
    if (args.options.years !== undefined) {
      const text = args.options.years as string;
      years = text.split(',').map((y) => Number(y.trim()));
      if (years.some((y) => !Number.isInteger(y))) throw new InputError({ at: '--years', expected: 'years separated by commas, such as 2016,2020', found: describeValue(text) });
      // Each year is forecast from the result four years before: both must be in the data.
      const known = availableYears('us');
      const forecastable = known.filter((y) => known.includes(y - 4));
      const bad = years.find((y) => !forecastable.includes(y));
      if (bad !== undefined) {
        throw new InputError({ at: '--years', expected: `years among ${forecastable.join(', ')}`, found: String(bad), hint: known.includes(bad) ? `${bad - 4} is not in the data` : undefined });
      }
    }
    const bar = new ProgressBar({ sink: context.stderr, enabled: context.stderrIsTTY, label: 'backtest' });
    let result: BacktestResult;
    try {
      bar.update(0, 1);
      result = backtest({
        simulations: (args.options.sims as number | undefined) ?? BACKTEST_SIMULATIONS,
        ...(years ? { years } : {}),
        ...(args.options.seed !== undefined ? { seed: args.options.seed as number } : {}),
        results: (year) => loadResults({ country: 'us', year }),
        simulate: (resolved, o) => {
          context.signal.throwIfAborted();
          return simulate(prepareModel(resolved), o);
        },
      });
    } finally {
      bar.finish();
    }
    const out = args.options.out as string | undefined;
    if (out) {
      const dir = resolve(context.cwd, out);
      const spec = calibrationPlot(
        { bins: result.calibration.filter((b) => b.count > 0) },
        {
          title: 'Forecast probability against how often it happened',
          subtitle: `State-level forecasts ${result.years.join(', ')}, each from the result four years before; best grid point`,
          sources: ['campaign-lab backtest on data/us_president_results.csv (see data/SOURCES.md)'],
        },
      );
      await writeChartFolder(dir, { json: 'backtest.json', document: result, chart: 'calibration', spec }, context.signal, out);
    }
    if (args.options.json) printJson(context.stdout, result);
    else context.stdout.write(formatBacktest(result) + (out ? `Written to ${out}/\n` : ''));
  },
};

/** `backtest --polls`: the poll forecast of one year, scored (src/node/runPollBacktest.ts). */
async function runPollsBacktest(options: Record<string, unknown>, context: Parameters<Command['run']>[1]): Promise<void> {
  if (options.years !== undefined) throw new InputError({ at: '--years', expected: 'absent with --polls (give --year)', found: describeValue(options.years) });
  if (options.year === undefined) throw new InputError({ at: '--year', expected: 'the election year the poll file is about (with --polls)', found: 'nothing' });
  const { runPollBacktest } = await import('../../node/runPollBacktest.js');
  const { formatPollBacktest } = await import('../../analysis/pollBacktestText.js');
  const { result, polls, published } = await runPollBacktest({
    file: options.polls as string,
    cwd: context.cwd,
    year: options.year as number,
    ...(options['as-of'] !== undefined ? { asOf: options['as-of'] as string } : {}),
    ...(options['no-fundamentals'] ? { fundamentals: false } : {}),
    simulate: (resolved, o) => {
      context.signal.throwIfAborted();
      return simulate(prepareModel(resolved), o);
    },
    ...(options.sims !== undefined ? { simulations: options.sims as number } : {}),
    ...(options.seed !== undefined ? { seed: options.seed as number } : {}),
  });
  const report = { ...result, format: polls.format, pollsRead: polls.polls.length, leftOut: polls.leftOut, published: published[String(result.year)] ?? {} };
  const out = options.out as string | undefined;
  if (out) {
    const dir = resolve(context.cwd, out);
    const { pollForecastIntervals } = await import('../../charts/pollForecastIntervals.js');
    const { loadResults } = await import('../../node/data/loadResults.js');
    const names = new Map(loadResults({ country: 'us', year: result.year }).units.map((u) => [u.id, u.name]));
    const eve = result.rows[0];
    const spec = pollForecastIntervals(
      { sides: ['D', 'R'], rows: eve.forecasts.map((f) => ({ id: f.id, name: names.get(f.id) ?? f.id, margin: f.margin, low: f.low, high: f.high, polls: f.polls, actual: f.actual })) },
      {
        title: `The polls' forecast of ${result.year} as of ${eve.asOf}, and the result`,
        subtitle: `State Brier ${eve.brier.toFixed(4)}; ${(100 * eve.coverage90).toFixed(0)} % of results inside the 90 % intervals`,
        sources: [`${result.file}; error model ${result.errorModel.id} (data/poll-error-calibration.json); results: data/us_president_results.csv`],
      },
    );
    await writeChartFolder(dir, { json: 'poll-backtest.json', document: report, chart: 'poll-forecast', spec }, context.signal, out);
  }
  if (options.json) printJson(context.stdout, report);
  else context.stdout.write(formatPollBacktest(result, { sides: ['D', 'R'], published, polls: `${polls.format} layout, ${formatCount(polls.polls.length)} polls` }) + (out ? `Written to ${out}/\n` : ''));
}

/** Writes a JSON document and its chart (SVG, PNG) as a report folder, as run --out writes one (manifest, staged and swapped in whole). */
async function writeChartFolder(dir: string, files: { json: string; document: unknown; chart: string; spec: TopLevelSpec }, signal: AbortSignal | undefined, shown: string): Promise<void> {
  // The renderers (vega, resvg) load only when a chart is drawn; Vega lays it out once, the PNG is rasterised from that SVG.
  const { renderChartHere } = await import('../../node/chartRenderer.js');
  const drawn = await renderChartHere(files.spec, 2);
  await writeFolderAtomic(
    dir,
    [
      { name: files.json, data: toJsonText(files.document) },
      { name: `${files.chart}.svg`, data: drawn.svg },
      { name: `${files.chart}.png`, data: drawn.png },
    ],
    signal,
    shown,
  );
}
