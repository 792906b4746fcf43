/**
 * The baseline of a run in words, for briefings and summaries: "2024 result, swung 2.0 pp toward D".
 */
import type { ResolvedBaseline, ResolvedScenario } from '../model/resolvedScenario.js';

/** Languages of {@link describeBaseline}. */
export type BaselineLanguage = 'en' | 'fr';

function pp(value: number, lang: BaselineLanguage): string {
  const text = Math.abs(value).toFixed(1);
  return lang === 'fr' ? text.replace('.', ',') : text;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Says what a resolved scenario's baseline is: the result it starts from, the polls and the day they
 * stand on, the swing (size, direction, model), how many territories have shifts and poll margins (and from which file), and the turnout
 * change. A scenario without a forecast baseline is described as a replay of the result.
 *
 * @param resolved A resolved scenario (its `baseline` and `sides`; without `baseline`, a replay of `year`).
 * @param lang `en` (default) or `fr`.
 * @returns One line of text, no trailing period.
 * @example
 * describeBaseline(resolvedWith({ swing: 2 })) // => '2024 result, swung 2.0 pp toward D'
 * describeBaseline(resolvedWith({ swing: -1.5 }), 'fr') // => 'résultat 2024, décalé de 1,5 pt vers R'
 * describeBaseline(us2016FromPolls) // => '2012 result, polls as of 2016-11-07 (1,747 polls, us-president-2016-polls.csv) with the time-for-change fundamentals (1.2 pp toward R) for the election of 2016-11-08'
 */
export function describeBaseline(resolved: Pick<ResolvedScenario, 'sides' | 'year' | 'baseline'>, lang: BaselineLanguage = 'en'): string {
  const b: ResolvedBaseline | undefined = resolved.baseline;
  const label = b?.resultLabel ?? `${resolved.year} result`;
  const start = lang === 'fr' ? frenchLabel(label) : label;
  if (!b || !b.forecast) return lang === 'fr' ? `${start} (rejeu du résultat)` : `${start} (a replay of the result)`;
  const [ours, theirs] = resolved.sides;
  const parts = [start];
  if (b.polls) {
    const file = b.polls.file.split(/[\\/]/).pop();
    const n = b.polls.pollsUsed.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-US');
    const f = b.polls.fundamentals;
    const name = f ? f.model.replace(/ \(.*$/, '') : '';
    const toward = f && f.shift < 0 ? theirs : ours;
    const fundamentals = !f ? '' : lang === 'fr' ? ` avec les fondamentaux (${name}, ${pp(f.shift, lang)} pt vers ${toward})` : ` with the ${name} fundamentals (${pp(f.shift, lang)} pp toward ${toward})`;
    parts.push(
      lang === 'fr'
        ? `sondages au ${b.polls.asOf} (${n} sondages, ${file})${fundamentals} pour le scrutin du ${b.polls.electionDay}`
        : `polls as of ${b.polls.asOf} (${n} polls, ${file})${fundamentals} for the election of ${b.polls.electionDay}`,
    );
  }
  if (b.swing !== 0) {
    const toward = b.swing > 0 ? ours : theirs;
    const model = b.swingModel === 'proportional' ? (lang === 'fr' ? ' (swing proportionnel)' : ' (proportional swing)') : '';
    parts.push(
      lang === 'fr'
        ? `décalé de ${pp(b.swing, lang)} pt${Math.abs(b.swing) >= 2 ? 's' : ''} vers ${toward}${model}`
        : `swung ${pp(b.swing, lang)} pp toward ${toward}${model}`,
    );
  }
  const shifted = Object.values(b.shifts).filter((s) => s !== 0).length;
  if (shifted > 0) parts.push(lang === 'fr' ? `ajusté dans ${count(shifted, 'territoire', 'territoires')}` : `shifted in ${count(shifted, 'territory', 'territories')}`);
  if (b.given.length > 0) {
    const source = b.marginsSource && b.marginsSource !== 'inline' ? ` (${b.marginsSource})` : '';
    parts.push(
      lang === 'fr'
        ? `marges attendues données pour ${count(b.given.length, 'territoire', 'territoires')}${source}`
        : `expected margins given for ${count(b.given.length, 'territory', 'territories')}${source}`,
    );
  }
  if (b.turnout !== 0) {
    const pct = (Math.abs(b.turnout) * 100).toFixed(1).replace(/\.0$/, '');
    const sign = b.turnout > 0 ? '+' : '−';
    parts.push(lang === 'fr' ? `participation ${sign}${pct.replace('.', ',')} %` : `turnout ${sign}${pct} %`);
  }
  return parts.join(', ');
}

/** `2024 result` → `résultat 2024`; `2022 runoff` → `second tour 2022`; other labels unchanged. */
function frenchLabel(label: string): string {
  const m = /^(\d{4}) (result|runoff|first round)$/.exec(label);
  if (!m) return label;
  return m[2] === 'result' ? `résultat ${m[1]}` : m[2] === 'runoff' ? `second tour ${m[1]}` : `premier tour ${m[1]}`;
}
