/**
 * The charts of a run's report, built with the briefing chart builders from a run summary.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { RunSummary } from '../sim/summarizeRun.js';
import type { BriefingChartOptions } from '../charts/theme.js';
import { weightDistribution } from '../charts/weightDistribution.js';
import { weightUnit } from '../model/decisionRule.js';
import { territoryMargins } from '../charts/territoryMargins.js';
import { tippingPointSnake } from '../charts/tippingPointSnake.js';
import { usTileMap } from '../charts/usTileMap.js';
import { franceTileMap } from '../charts/franceTileMap.js';
import { winProbabilityByListSize } from '../charts/winProbabilityByListSize.js';
import { pollForecastIntervals } from '../charts/pollForecastIntervals.js';
import { baselineMarginPp, isContested } from './territoriesCsv.js';
import { formatShare } from './formatNumber.js';
import { listSizeTitle } from './briefingHeadline.js';
import { formatShareIn } from './formatNumber.js';
import type { ListSizeSweep } from './listSizeSweep.js';
import { MESSAGES, withoutFilePointers, type MessageLocale } from './messages.js';

/** One chart of the report: file stem, title and Vega-Lite spec. */
export interface ReportChart {
  /** File name without extension (`weight-distribution`). */
  name: string;
  title: string;
  spec: TopLevelSpec;
}

/**
 * Plot widths of the phone layout, px (the drawing area; axes, labels and padding come on top, so each
 * chart's picture stays within about 360 px, the width of a phone's page): the page draws these
 * versions when a chart's box is narrower than the usual one, so its text keeps its size (at least 11 px).
 */
export const NARROW_WIDTHS: Readonly<Record<string, number>> = Object.freeze({
  'weight-distribution': 250,
  'tipping-point-snake': 240,
  'territory-margins': 120,
  'poll-forecast': 150,
  'win-probability-map': 330,
  'win-probability-by-list-size': 250,
});

/** The layout of a report's charts: `wide` (the files' and a wide page's), or `narrow` (a phone's). */
export type ChartLayout = 'wide' | 'narrow';

/** The width option of a chart in a layout: none (the builder's default) for `wide`. */
function layoutWidth(name: string, layout: ChartLayout): { width?: number } {
  return layout === 'narrow' && NARROW_WIDTHS[name] ? { width: NARROW_WIDTHS[name] } : {};
}

/**
 * Source lines of every chart: the results table and the simulation itself, in the race's language
 * (the message catalogue, src/briefing/messages.ts).
 *
 * @example
 * reportSources(summary).length // => 2
 */
function reportSources(summary: RunSummary): string[] {
  const locale = summary.scenario.country === 'fr' ? 'fr' : 'en';
  return [withoutFilePointers(summary.scenario.resultsSource), MESSAGES[locale].simulationSource(summary.version, String(summary.simulations), String(summary.seed))];
}

/** Margin gained by `side` from adding `extra` votes to it alone, pp (≥ 0 when extra ≥ 0). */
function shiftPp(votes: Record<string, number>, sides: [string, string], side: 0 | 1, extra: number): number {
  const moved = { ...votes, [sides[side]]: (votes[sides[side]] ?? 0) + extra };
  const change = baselineMarginPp(moved, sides) - baselineMarginPp(votes, sides);
  return Math.max(0, side === 0 ? change : -change);
}

/**
 * Builds the report's charts: weight distribution, tipping-point snake (weighted rules), closest
 * territories with each side's mobilisation, the poll forecast with its intervals (a poll baseline), a
 * tile map of P(win), and P(win) by list size when a sweep is given. `layout: 'narrow'` builds the
 * same charts at the plot widths of {@link NARROW_WIDTHS}, for a phone's page.
 *
 * @example
 * buildReportCharts(summary).map((c) => c.name)
 * // => ['weight-distribution', 'tipping-point-snake', 'territory-margins', 'win-probability-map']
 */
export function buildReportCharts(summary: RunSummary, sweep?: ListSizeSweep, layout: ChartLayout = 'wide'): ReportChart[] {
  const [a, b] = summary.sides;
  const sources = reportSources(summary);
  // French races get French charts (axis words, number formats and the titles below).
  const fr = summary.scenario.country === 'fr';
  const locale = fr ? ('fr' as const) : ('en' as const);
  const subtitle = fr
    ? `${summary.name} : ${raceLabel(summary.scenario, 'fr', false)}, ${summary.simulations.toLocaleString('fr-FR')} élections simulées`
    : `${summary.name}: ${raceLabel(summary.scenario, 'en', false)}, ${summary.simulations.toLocaleString('en-US')} simulated elections`;
  const options = (title: string, name = ''): BriefingChartOptions => ({ title, subtitle, sources, locale, ...layoutWidth(name, layout) });
  const charts: ReportChart[] = [];
  const weighted = summary.threshold > 1;
  const baseline = new Map(summary.scenario.territories.map((t) => [t.id, t]));
  if (weighted) charts.push(...weightedRuleCharts(summary, baseline, fr, options));
  const title3 = fr ? 'Les territoires les plus serrés et ce que chaque campagne y apporte' : 'The closest territories and what each campaign adds';
  charts.push({
    name: 'territory-margins',
    title: title3,
    spec: territoryMargins(
      {
        sides: [a, b],
        rows: contestedTerritories(summary, baseline).map((t) => {
          const votes = baseline.get(t.id)?.votes ?? {};
          return {
            id: t.id,
            name: t.name,
            weight: t.weight,
            baselineMargin: baselineMarginPp(votes, [a, b]),
            shiftA: shiftPp(votes, [a, b], 0, t.extraVotes[a]),
            shiftB: shiftPp(votes, [a, b], 1, t.extraVotes[b]),
          };
        }),
      },
      options(title3, 'territory-margins'),
    ),
  });
  const polls = summary.scenario.baseline?.polls;
  if (polls) charts.push(pollForecastChart(summary, polls, fr, { subtitle, sources, locale, ...layoutWidth('poll-forecast', layout) }));
  const map = mapChart(summary, undefined, layout);
  if (map) {
    const mapInput = { sides: [a, b] as [string, string], measure: 'pWin' as const, units: summary.territories.map((t) => ({ id: t.id, value: t.pWin[a] })) };
    charts.push({ name: 'win-probability-map', title: map.options.title, spec: (map.kind === 'us' ? usTileMap : franceTileMap)(mapInput, map.options) });
  }
  if (sweep && sweep.points.length >= 2) {
    const spec = listSizeChart(summary, sweep, layoutWidth('win-probability-by-list-size', layout));
    charts.push({ name: 'win-probability-by-list-size', title: listSizeTitle(sweep, locale), spec });
  }
  return charts;
}

/**
 * The territories both sides contested: uncontested units (0–0, or one side absent) are not close
 * races and are left out of "the closest territories" (all of them when none is contested).
 */
function contestedTerritories(summary: RunSummary, baseline: Map<string, RunSummary['scenario']['territories'][number]>): RunSummary['territories'] {
  const [a, b] = summary.sides;
  const contested = summary.territories.filter((t) => isContested(baseline.get(t.id)?.votes ?? {}, [a, b]));
  return contested.length > 0 ? contested : summary.territories;
}

/**
 * The charts of a weighted rule: the distribution of the weight won and the tipping-point snake (mean
 * simulated margins over all votes cast, the basis on which the run found its tipping points).
 */
function weightedRuleCharts(summary: RunSummary, baseline: Map<string, RunSummary['scenario']['territories'][number]>, fr: boolean, options: (title: string, name: string) => BriefingChartOptions): ReportChart[] {
  const [a, b] = summary.sides;
  const title = fr
    ? `${a} l'emporte dans ${formatShareIn(summary.pWin[a], 'fr')} des simulations, ${b} dans ${formatShareIn(summary.pWin[b], 'fr')}`
    : `${a} wins in ${formatShare(summary.pWin[a])} of simulations, ${b} in ${formatShare(summary.pWin[b])}`;
  // Seats for a seats race, electoral votes for an electoral college (the x axis names them).
  const unit = weightUnit(summary.rule as RunSummary['scenario']['rule']);
  const distribution: ReportChart = {
    name: 'weight-distribution',
    title,
    spec: weightDistribution(
      summary.weightsReached
        ? {
            sides: [a, b],
            threshold: summary.threshold,
            weightTally: { weights: summary.weightsReached.weight, counts: summary.weightsReached.probability.map((p) => p * summary.simulations) },
            weights: summary.territories.map((t) => t.weight),
            rule: summary.rule as RunSummary['scenario']['rule'],
            unit,
          }
        : { sides: [a, b], threshold: summary.threshold, weightCounts: summary.weightDistribution.map((p) => p * summary.simulations), unit },
      options(title, 'weight-distribution'),
    ),
  };
  const tippingName = summary.tippingPoint[0]?.name;
  const title2 = fr
    ? tippingName ? `Territoire décisif le plus fréquent : ${tippingName}` : 'Territoires rangés par écart simulé'
    : tippingName ? `Most frequent tipping point: ${tippingName}` : 'Territories ordered by simulated margin';
  const snake: ReportChart = {
    name: 'tipping-point-snake',
    title: title2,
    spec: tippingPointSnake(
      {
        sides: [a, b],
        threshold: summary.threshold,
        units: summary.territories.filter((t) => t.weight > 0).map((t) => ({ id: t.id, name: t.name, weight: t.weight, margin: t.meanMargin * allVotesShareOf(baseline.get(t.id), [a, b]) })),
        basis: 'all-votes',
      },
      options(title2, 'tipping-point-snake'),
    ),
  };
  return [distribution, snake];
}

/**
 * The forecast the run stands on: the closest territories' poll margins with their 90 % intervals (moved
 * with the margin by any swing or shift the scenario adds).
 */
function pollForecastChart(
  summary: RunSummary,
  polls: NonNullable<NonNullable<RunSummary['scenario']['baseline']>['polls']>,
  fr: boolean,
  frame: { subtitle: string; sources: string[]; locale: 'fr' | 'en'; width?: number },
): ReportChart {
  const [a, b] = summary.sides;
  const title4 = fr ? `Les sondages au ${polls.asOf} : écart prévu et intervalle à 90 %` : `The polls as of ${polls.asOf}: forecast margin and 90 % interval`;
  const rows = summary.scenario.territories.flatMap((t) => {
    const i = polls.intervals[t.id];
    if (!i) return [];
    const margin = summary.scenario.baseline!.margins[t.id] ?? i.margin;
    return [{ id: t.id, name: t.name, weight: t.weight, margin, low: i.low + margin - i.margin, high: i.high + margin - i.margin, polls: i.polls }];
  });
  const fundamentals = polls.fundamentals ? `; fundamentals: ${polls.fundamentals.model}, data/us_fundamentals.csv` : '';
  const pollSources = [`${polls.file} (${polls.pollsUsed} polls to ${polls.latestPoll ?? polls.asOf}); error model ${polls.errorModel}, data/poll-error-calibration.json${fundamentals}`, ...frame.sources];
  return { name: 'poll-forecast', title: title4, spec: pollForecastIntervals({ sides: [a, b], rows, limit: 20 }, { title: title4, subtitle: frame.subtitle, sources: pollSources, locale: frame.locale, ...(frame.width ? { width: frame.width } : {}) }) };
}

/**
 * The list-size chart of a report: P(win) of our side against its list size, titled with the finding,
 * today's list marked. `liveDataset` names an empty dataset drawn as the "setting" marker, which the
 * briefing page's live engine fills with the latest `{value, pWin}`.
 *
 * @example
 * listSizeChart(summary, sweep).title.text // => "D's chances barely move with its list: 35.3% with none, 36.2% at 18 M"
 */
export function listSizeChart(summary: RunSummary, sweep: ListSizeSweep, options: { liveDataset?: string; width?: number } = {}): TopLevelSpec {
  const fr = summary.scenario.country === 'fr';
  const subtitle = fr
    ? `${summary.name} : ${raceLabel(summary.scenario, 'fr', false)} ; ${sweep.simulations.toLocaleString('fr-FR')} élections simulées par point, même graine ; fichier actuel ${sweep.current.toLocaleString('fr-FR')}`
    : `${summary.name}: ${raceLabel(summary.scenario, 'en', false)}; ${sweep.simulations.toLocaleString('en-US')} simulated elections per point, same seed; today's list ${sweep.current.toLocaleString('en-US')}`;
  return winProbabilityByListSize(
    { side: sweep.side, measure: 'listSize', points: sweep.points, current: sweep.current, intervalLabel: fr ? 'intervalle Monte Carlo à 95 %' : '95% Monte Carlo interval', ...(options.liveDataset ? { liveDataset: options.liveDataset } : {}) },
    { title: listSizeTitle(sweep, fr ? 'fr' : 'en'), subtitle, sources: reportSources(summary), ...(fr ? { locale: 'fr' as const } : {}), ...(options.width ? { width: options.width } : {}) },
  );
}

/** The report's P(win) map: which tile map and its options (title, subtitle, sources, language). */
export interface MapChart {
  kind: 'us' | 'fr';
  options: BriefingChartOptions;
}

/**
 * The report's map of P(win) by territory, for US and French races (none for other races).
 * `subtitle` replaces the usual one (the briefing's live map says it follows the controls).
 *
 * @example
 * mapChart(summary)?.options.title // => 'Where D wins: probability by territory'
 */
export function mapChart(summary: RunSummary, subtitle?: string, layout: ChartLayout = 'wide'): MapChart | undefined {
  const country = summary.scenario.country;
  if (country !== 'us' && country !== 'fr') return undefined;
  const fr = country === 'fr';
  const a = summary.sides[0];
  const title = fr ? `Où ${a} l'emporte : probabilité par territoire` : `Where ${a} wins: probability by territory`;
  const usual = fr
    ? `${summary.name} : ${raceLabel(summary.scenario, 'fr', false)}, ${summary.simulations.toLocaleString('fr-FR')} élections simulées`
    : `${summary.name}: ${raceLabel(summary.scenario, 'en', false)}, ${summary.simulations.toLocaleString('en-US')} simulated elections`;
  return { kind: country, options: { title, subtitle: subtitle ?? usual, sources: reportSources(summary), ...(fr ? { locale: 'fr' as const } : {}), ...layoutWidth('win-probability-map', layout) } };
}

/**
 * The election a run stands on, short: `US 2024`, `FR 2012`, or the baseline's own label for a race
 * read from the user's file (`2024 result`).
 *
 * @example
 * electionLabel({ country: 'us', year: 2024 }) // => 'US 2024'
 */
export function electionLabel(scenario: { country: string; year: number; baseline?: { resultLabel?: string; polls?: { electionDay: string } } }): string {
  // A poll baseline forecasts the election the polls are about, from the last result.
  const polls = scenario.baseline?.polls;
  if (polls && (scenario.country === 'us' || scenario.country === 'fr')) return `${scenario.country.toUpperCase()} ${polls.electionDay.slice(0, 4)}`;
  // A race file whose year is unknown (year 0: the Ministry's own downloads name none) takes its label.
  if ((scenario.country === 'us' || scenario.country === 'fr') && scenario.year > 0) return `${scenario.country.toUpperCase()} ${scenario.year}`;
  return scenario.baseline?.resultLabel ?? (scenario.year > 0 ? String(scenario.year) : scenario.country.toUpperCase());
}

/**
 * The race a run is about, for the briefing's kicker and the charts' subtitles: {@link electionLabel},
 * with the round (`withRound`), and for a forecast of a later election (`baseline.electionYear`) that
 * election first: `FR 2027 2d tour (d'après FR 2022)`.
 *
 * @example
 * raceLabel({ country: 'fr', year: 2022, round: 2, baseline: { electionYear: 2027 } }, 'fr') // => "FR 2027 2d tour (d'après FR 2022)"
 * raceLabel({ country: 'us', year: 2024 }, 'en') // => 'US 2024'
 */
export function raceLabel(
  scenario: Parameters<typeof electionLabel>[0] & { round?: number; baseline?: { electionYear?: number } },
  locale: MessageLocale,
  withRound = true,
): string {
  const m = MESSAGES[locale];
  const round = withRound && scenario.round ? ` ${m.round(scenario.round)}` : '';
  const from = electionLabel(scenario);
  const year = scenario.baseline?.electionYear;
  if (year === undefined) return `${from}${round}`;
  const country = scenario.country === 'us' || scenario.country === 'fr' ? `${scenario.country.toUpperCase()} ` : '';
  return m.forecastOf(`${country}${year}${round}`, from);
}

/**
 * A territory's two-party share of all votes cast, (A + B) / (A + B + other), 1 without votes.
 *
 * @example
 * allVotesShareOf({ votes: { D: 40, R: 50 }, other: 10 }, ['D', 'R']) // => 0.9
 */
function allVotesShareOf(t: { votes: Record<string, number>; other: number } | undefined, sides: readonly [string, string]): number {
  if (!t) return 1;
  const two = (t.votes[sides[0]] ?? 0) + (t.votes[sides[1]] ?? 0);
  const all = two + (t.other ?? 0);
  return all > 0 ? two / all : 1;
}
