/**
 * The briefing's message catalogue: the words of the assumptions table (parameter names, channel names,
 * value words, the table's own rows), the simulation's source line on every chart, the page footer and
 * the race's label, in English and in French under the same keys (the French side is typed as the
 * English one, so a key missing on either side does not compile). Browser-safe: the page's script and
 * the Node side read the same catalogue. Numbers inside messages are formatted by the caller with
 * `Intl` for the locale (src/briefing/formatNumber.ts).
 */

import type { WeightUnit } from '../model/decisionRule.js';
import type { Citation } from '../model/types.js';

/** Language of a briefing. */
export type MessageLocale = 'en' | 'fr';

const EN = {
  /** Parameter names in words, by the last segment of their key path. */
  parameters: {
    national: 'National polling error, SD (pp of margin)',
    regional: 'Regional error, SD (pp of margin)',
    territory: 'Territory error, SD (pp of margin)',
    tails: 'Fat tails of the national error (Student-t degrees of freedom)',
    correlation: 'Correlation between territories',
    allocation: 'Where the list lives',
    churn: 'Addresses going stale per year',
    certainShare: 'List members already certain to vote',
    volunteers: 'Share of the list who volunteer',
    yearsSinceCollected: 'Years since the list was collected',
    listSize: 'List size (people)',
    coverage: 'Share of the list targeted',
    contactRate: 'Share of targets actually reached',
    effect: 'Turnout effect among people reached (pp)',
    persuasion: 'Persuasion among people reached (pp)',
    costPerContact: 'Cost per contact (USD)',
    contacts: 'Contacts per person reached',
    saturation: 'Contacts after which more add nothing',
    contactsPerVolunteer: 'Contacts per active volunteer',
    homophily: "Share of relays' and friends' contacts who share the side's preference, in an evenly split place",
    salience: 'Election salience',
  } as Record<string, string>,
  /** Channel names. */
  channels: { email: 'E-mail', sms: 'Text messages', phone: 'Phone calls', door: 'Door knocking', mail: 'Mail', social: 'Social media', relay: 'Relays (volunteers messaging friends)' } as Record<string, string>,
  /** A prior: its central value and range. */
  range: (central: string, low: string, high: string) => `${central} (${low} to ${high})`,
  /** A table too long for a cell. */
  manyValues: (n: string) => `${n} values (see summary.json)`,
  notSet: '(not set)',
  none: 'none',
  /** A row shared by both sides. */
  bothSides: (label: string, a: string, b: string) => `${label} (${a} and ${b})`,
  oneSide: (label: string, side: string) => `${label} (${side})`,
  scenarioFile: 'The scenario file',
  listSize: (side: string) => `List size (${side})`,
  channelsUsed: (side: string) => `Channels used (${side})`,
  baselineResults: 'Baseline results',
  /** The simulation's own source line (chart footers). */
  simulationSource: (version: string, draws: string, seed: string) => `campaign-lab ${version} simulation: ${draws} draws, seed ${seed}; parameters and citations in summary.json`,
  /** The page footer. */
  generatedBy: (version: string, seed: string, draws: string) => `campaign-lab ${version}, seed ${seed}, ${draws} simulations`,
  /** The race's round. */
  round: (r: number) => `round ${r}`,
  /** A forecast's label: the election ahead and the result it starts from. */
  forecastOf: (election: string, from: string) => `${election} (from ${from})`,
  /** Unit of a margin's change, percentage points. */
  ppUnit: 'pp',
  /** The chart menu's words (vega-embed's `i18n` option). */
  embed: { CLICK_TO_VIEW_ACTIONS: 'Click to view actions', COMPILED_ACTION: 'View Compiled Vega', EDITOR_ACTION: 'Open in Vega Editor', PNG_ACTION: 'Save as PNG', SOURCE_ACTION: 'View Source', SVG_ACTION: 'Save as SVG' },
  /** Confidence levels of a source (assumptions table). */
  confidence: { H: 'confidence: high', M: 'confidence: medium', L: 'confidence: low' } as Record<string, string>,
  /** The page's own words (src/briefing/briefingPage.ts). */
  page: { headline: 'Headline figures', charts: 'Charts', assumptions: 'Assumptions', key: 'Parameter', value: 'Value', source: 'Source', sources: 'Sources', sweep: 'Explore', live: 'Try it: move a control, the page re-runs the simulation', running: 'Re-running', done: 'Up to date', failed: 'This setting could not be run', reset: 'Back to the scenario', more: 'More controls', offline: 'This page works offline: every chart and figure is embedded.', stale: 'The sentence above and the charts below the controls describe the scenario as it was run; the figures under "Try it" and the map follow your settings.', chartFailed: 'The chart could not be drawn', colon: ':' },
  /** Figure cards, the live controls and their note (src/briefing/renderBriefing.ts). */
  cards: {
    pWin: (side: string) => `P(${side} wins)`,
    pWinNote: (low: string, high: string, n: string) => `95% interval ${low}–${high} (Monte Carlo error), ${n} simulations`,
    weight: (t: number, unit: WeightUnit) => `Expected ${unit} (${t} to win)`,
    tipping: 'Most frequent tipping point',
    round: (r: number) => `round ${r}`,
    rule: (rule: string) => rule.replace(/-/g, ' '),
    simulated: (n: string, seed: number) => `${n} simulated elections, seed ${seed}`,
    secondary: 'Channels: share of the list each campaign targets',
    control: (_key: string, label: string) => label,
    votes: 'Net votes added by each campaign (mean)',
    note: (n: string, seed: number, command: string) =>
      `Each change re-runs ${n} simulated elections in this page, seed ${seed}, with the project's own engine: the figures and the map are exactly those of \`${command}\`.`,
  },
  /** The briefing of a multi-candidate race (src/briefing/multiCandidatePage.ts). */
  multi: {
    static: 'This page is static: it has no live controls (re-run the scenario with campaign-lab run to change it).',
    rule: (rule: string) => ({ plurality: 'first past the post', 'two-round': 'two-round system', 'two-round-legislative': 'two-round legislative system', 'electoral-college': 'electoral college', 'popular-vote': 'popular vote', seats: 'seats' })[rule] ?? rule,
    candidates: (n: string) => `${n} candidates`,
    parties: (n: string) => `${n} parties`,
    units: (n: string) => `${n} units`,
    headlineWin: (name: string, p: string) => `${name} is the most likely to win: ${p} of simulated elections`,
    headlineQualify: (a: string, pa: string, b: string, pb: string, w: string, pw: string) => `${a} (${pa}) and ${b} (${pb}) are the most likely to reach round 2; ${w} wins ${pw} of simulated elections`,
    headlineSeats: (name: string, seats: string, low: string, high: string, p: string) => `${name} is expected to win the most seats: ${seats} (90% interval ${low} to ${high}); most seats in ${p} of simulated elections`,
    pWin: (name: string) => `P(${name} wins)`,
    pQualify: (name: string) => `P(${name} reaches round 2)`,
    seats: (name: string) => `${name}: expected seats`,
    seatsNote: (low: string, high: string, majority: string, p: string) => `90% interval ${low} to ${high}; P(majority, ${majority} seats) ${p}`,
    shareNote: (share: string) => `${share} of valid votes in the results the race starts from`,
    qualifyNote: (win: string) => `P(wins) ${win}`,
    noWinner: (p: string) => `no winner (tie, hung parliament) in ${p} of simulated elections`,
    closest: 'Closest units',
    closestNote: 'Contested units where the most likely winner is least certain, from the simulation.',
    closestNoteLead: "Units where the candidate leading the unit's round 1 is least certain, from the simulation.",
    unit: 'Unit',
    leader: 'Most likely winner',
    leaderLead: 'Most likely to lead',
    second: 'Runner-up',
    pUnitWin: 'P(wins the unit)',
    pUnitLead: 'P(leads the unit)',
    baselineGap: 'Gap in the results (pp of valid votes)',
    uncertainty: 'Uncertainty (log-ratio scale of every share)',
    transfers: 'Transfer rows no survey measures (assumed)',
    transferSource: 'Documented default transfers (src/race/transferPrior.ts)',
    rowName: (row: string) => row,
    chartWho: (name: string, qualify: boolean) => (qualify ? `${name}: who reaches round 2` : `${name}: who wins`),
    chartWhoSubtitle: (qualify: boolean, n: string, shown: string | null) => `${qualify ? 'P(reaches round 2) and P(wins)' : 'P(wins)'} per candidate, ${n} candidates${shown ? ` (the ${shown} most likely shown)` : ''}`,
    chartSeats: (name: string) => `${name}: seats per party`,
    chartSeatsSubtitle: (win: string, total: string) => `Share of simulated elections at each seat count; dashed line: majority (${win} of ${total})`,
    chartSource: (draws: string, seed: string, n: number, r: number, u: number, t: number) => `campaign-lab ${draws} simulated elections, seed ${seed}; log-ratio errors national ${n}, regional ${r}, unit ${u} pp, t(${t})`,
  },
  // Issue 21 (s4-21): the assumptions box, what our list is worth under the mechanisms' priors and what drives it.
  listWorth: {
    title: 'What the list is worth, and what that rests on',
    note: (side: string, list: string, point: string, low: string, high: string, draws: string, sims: string) =>
      `In this run, today's list of ${list} moves P(${side} wins) by ${point} against no list. Under the mechanisms' priors it moves it by ${low} to ${high}: the assumptions interval, the 5th to 95th percentiles over ${draws} joint draws of every mechanism's prior (${sims} simulated elections each, the same elections in every draw). It is apart from the Monte Carlo error shown by the 95% intervals of the cards and of the list-size chart. The three assumptions that drive it most:`,
    columns: ['Assumption', 'Share of the spread', 'With it at its 5th percentile', 'At its 95th percentile'],
    turnout: (channel: string) => `${channel}: turnout effect per contact`,
    persuasion: (channel: string) => `${channel}: persuasion per person reached`,
    conversion: 'Share of list members who become active relays',
    contacts: 'Contacts per active relay',
    homophily: "Homophily of relays' and friends' contacts",
    indirect: 'Indirect votes among friends per direct social vote',
    decay: 'List decay (share of members lost per year)',
    noDriver: 'None: at this number of simulations no assumption changes it.',
  },
  // s4-26: the live engine's errors in the page's language (src/briefing/liveErrors.ts).
  liveErrors: {
    problem: (where: string, expected: string, found: string | null) => `${where} must be ${expected}${found === null ? '' : `, got ${found}`}`,
    numberRange: (integer: boolean, low: string, high: string) => `${integer ? 'an integer' : 'a number'} from ${low} to ${high}`,
    eligibleCap: (count: string, territory: string) => `at most the ${count} eligible voters of ${territory} (a list cannot hold more of a territory's voters than it has)`,
    supporters: (count: string) => `${count} supporters`,
    more: (count: string) => `${count} more problems after this one`,
    untranslated: 'the engine stopped; its message',
  },
  // Issue 20 section 5: our campaign's card on a multi-candidate page.
  multiCampaign: {
    label: (name: string, objective: 'win' | 'qualify' | 'seats') => `${name}'s campaign: change in ${objective === 'seats' ? 'expected seats' : objective === 'qualify' ? 'P(reaches round 2)' : 'P(wins)'}`,
    note: (members: string, votes: string, low: string, high: string) => `a list of ${members} members nets ${votes} votes per simulated election; 90% interval ${low} to ${high}, against no campaign on the same elections`,
    ppUnit: ' pp',
    seatsUnit: ' seats',
  },
};

/** The catalogue's shape: every key of the English side, with the same kind of value. */
export type Messages = typeof EN;

/** French channel names in running text (`porte-à-porte`), for the live controls' labels. */
const FR_CHANNELS_LOWER: Record<string, string> = { email: 'courriel', sms: 'SMS', phone: 'téléphone', door: 'porte-à-porte', mail: 'courrier', social: 'réseaux sociaux', relay: 'relais (bénévoles écrivant à leurs proches)' };

const FR: Messages = {
  parameters: {
    national: 'Erreur nationale des sondages, écart type (points d\'écart)',
    regional: 'Erreur régionale, écart type (points d\'écart)',
    territory: 'Erreur propre à chaque territoire, écart type (points d\'écart)',
    tails: 'Queues épaisses de l\'erreur nationale (degrés de liberté de Student)',
    correlation: 'Corrélation entre territoires',
    allocation: 'Où se trouve le fichier',
    churn: 'Adresses périmées par an',
    certainShare: 'Part du fichier qui votera de toute façon',
    volunteers: 'Part du fichier qui milite',
    yearsSinceCollected: 'Années depuis la collecte du fichier',
    listSize: 'Taille du fichier (personnes)',
    coverage: 'Part du fichier ciblée',
    contactRate: 'Part des cibles effectivement jointes',
    effect: 'Effet sur la participation des personnes jointes (points)',
    persuasion: 'Persuasion des personnes jointes (points)',
    costPerContact: 'Coût par contact (USD)',
    contacts: 'Contacts par personne jointe',
    saturation: 'Contacts au-delà desquels rien ne s\'ajoute',
    contactsPerVolunteer: 'Contacts par militant actif',
    homophily: 'Part des contacts des relais et de leurs amis qui partagent la préférence du camp, dans un territoire partagé à égalité',
    salience: 'Enjeu de l\'élection',
  },
  channels: { email: 'Courriel', sms: 'SMS', phone: 'Téléphone', door: 'Porte-à-porte', mail: 'Courrier', social: 'Réseaux sociaux', relay: 'Relais (militants écrivant à leurs proches)' },
  range: (central, low, high) => `${central} (${low} à ${high})`,
  manyValues: (n) => `${n} valeurs (voir summary.json)`,
  notSet: '(non renseigné)',
  none: 'aucun',
  bothSides: (label, a, b) => `${label} (${a} et ${b})`,
  oneSide: (label, side) => `${label} (${side})`,
  scenarioFile: 'Le fichier du scénario',
  listSize: (side) => `Taille du fichier (${side})`,
  channelsUsed: (side) => `Canaux utilisés (${side})`,
  baselineResults: 'Résultats de référence',
  simulationSource: (version, draws, seed) => `simulation campaign-lab ${version} : ${draws} tirages, graine ${seed} ; paramètres et citations dans summary.json`,
  generatedBy: (version, seed, draws) => `campaign-lab ${version}, graine ${seed}, ${draws} simulations`,
  round: (r) => (r === 1 ? '1er tour' : '2d tour'),
  forecastOf: (election, from) => `${election} (d'après ${from})`,
  ppUnit: 'pts',
  embed: { CLICK_TO_VIEW_ACTIONS: 'Cliquer pour voir les actions', COMPILED_ACTION: 'Voir le Vega compilé', EDITOR_ACTION: "Ouvrir dans l'éditeur Vega", PNG_ACTION: 'Enregistrer en PNG', SOURCE_ACTION: 'Voir la source', SVG_ACTION: 'Enregistrer en SVG' },
  confidence: { H: 'confiance : élevée', M: 'confiance : moyenne', L: 'confiance : faible' },
  page: { headline: 'Chiffres clés', charts: 'Graphiques', assumptions: 'Hypothèses', key: 'Paramètre', value: 'Valeur', source: 'Source', sources: 'Sources', sweep: 'Explorer', live: 'À vous : déplacez un curseur, la page relance la simulation', running: 'Simulation en cours', done: 'À jour', failed: "Ce réglage n'a pas pu être simulé", reset: 'Revenir au scénario', more: 'Autres réglages', offline: 'Cette page fonctionne hors ligne : graphiques et chiffres sont intégrés.', stale: 'La phrase ci-dessus et les graphiques sous les réglages décrivent le scénario tel qu\'il a été simulé ; les chiffres de « À vous » et la carte suivent vos réglages.', chartFailed: "Le graphique n'a pas pu être dessiné", colon: '\u00a0:' },
  cards: {
    pWin: (side: string) => `P(victoire ${side})`,
    pWinNote: (low: string, high: string, n: string) => `intervalle à 95\u202f% ${low}–${high} (erreur Monte Carlo), ${n} simulations`,
    weight: (t: number, unit: WeightUnit) => `${unit === 'seats' ? 'Sièges attendus' : unit === 'electoral votes' ? 'Grands électeurs attendus' : 'Poids attendu'} (${t} pour gagner)`,
    tipping: 'Territoire décisif le plus fréquent',
    round: (r: number) => (r === 1 ? '1er tour' : '2d tour'),
    rule: (rule: string) => ({ 'two-round': 'scrutin à deux tours', 'popular-vote': 'vote populaire', seats: 'sièges', 'electoral-college': 'collège électoral' })[rule] ?? rule,
    simulated: (n: string, seed: number) => `${n} élections simulées, graine ${seed}`,
    secondary: 'Canaux : part du fichier ciblée par chaque campagne',
    control: (key: string, label: string) => {
      const list = /^campaigns\.([^.]+)\.listSize$/.exec(key);
      if (list) return `Taille du fichier de ${list[1]} (personnes)`;
      const channel = /^campaigns\.([^.]+)\.channels\.([^.]+)\.coverage$/.exec(key);
      if (channel) return `${channel[1]} : ${(FR_CHANNELS_LOWER[channel[2]] ?? channel[2])}, part ${channel[2] === 'relay' ? 'des bénévoles qui relaient' : 'du fichier ciblée'}`;
      if (key === 'baseline.swing') return label.replace(/^National swing toward (\S+) \(pp\)$/, 'Glissement national vers $1 (points)');
      return label;
    },
    votes: 'Voix nettes apportées par chaque campagne (moyenne)',
    note: (n: string, seed: number, command: string) =>
      `Chaque changement relance ${n} élections simulées dans cette page, graine ${seed}, avec le moteur du projet : les chiffres et la carte sont exactement ceux de \`${command}\`.`,
  },
  multi: {
    static: 'Cette page est statique : elle n\'a pas de réglages (relancez le scénario avec campaign-lab run pour le modifier).',
    rule: (rule) => ({ plurality: 'scrutin majoritaire à un tour', 'two-round': 'scrutin à deux tours', 'two-round-legislative': 'scrutin législatif à deux tours', 'electoral-college': 'collège électoral', 'popular-vote': 'vote populaire', seats: 'sièges' })[rule] ?? rule,
    candidates: (n) => `${n} candidats`,
    parties: (n) => `${n} partis ou nuances`,
    units: (n) => `${n} territoires`,
    headlineWin: (name, p) => `${name} est le plus susceptible de l'emporter : ${p} des élections simulées`,
    headlineQualify: (a, pa, b, pb, w, pw) => `${a} (${pa}) et ${b} (${pb}) sont les plus susceptibles d'accéder au second tour ; ${w} l'emporte dans ${pw} des élections simulées`,
    headlineSeats: (name, seats, low, high, p) => `${name} obtiendrait le plus de sièges : ${seats} attendus (intervalle à 90\u202f% de ${low} à ${high}) ; en tête dans ${p} des élections simulées`,
    pWin: (name) => `P(victoire ${name})`,
    pQualify: (name) => `P(${name} au second tour)`,
    seats: (name) => `${name} : sièges attendus`,
    seatsNote: (low, high, majority, p) => `intervalle à 90\u202f% de ${low} à ${high} ; P(majorité, ${majority} sièges) ${p}`,
    shareNote: (share) => `${share} des suffrages exprimés dans les résultats de départ`,
    qualifyNote: (win) => `P(victoire) ${win}`,
    noWinner: (p) => `aucun vainqueur (égalité, pas de majorité) dans ${p} des élections simulées`,
    closest: 'Territoires les plus serrés',
    closestNote: 'Territoires disputés où le vainqueur le plus probable est le moins assuré, d\'après la simulation.',
    closestNoteLead: 'Territoires où le candidat en tête du premier tour est le moins assuré, d\'après la simulation.',
    unit: 'Territoire',
    leader: 'Vainqueur le plus probable',
    leaderLead: 'Le plus probablement en tête',
    second: 'Deuxième',
    pUnitWin: 'P(remporte le territoire)',
    pUnitLead: 'P(en tête du territoire)',
    baselineGap: 'Écart dans les résultats (points de suffrages exprimés)',
    uncertainty: 'Incertitude (échelle log-ratio de chaque part)',
    transfers: 'Reports de voix non mesurés par les enquêtes (supposés)',
    transferSource: 'Reports par défaut documentés (src/race/transferPrior.ts)',
    rowName: (row) => ({ other: 'autres', 'non-voters': 'abstentionnistes' })[row] ?? row,
    chartWho: (name, qualify) => (qualify ? `${name} : qui accède au second tour` : `${name} : qui l'emporte`),
    chartWhoSubtitle: (qualify, n, shown) => `${qualify ? 'P(qualifié au 2d tour) et P(élu)' : 'P(élu)'} par candidat, ${n} candidats${shown ? ` (les ${shown} plus probables)` : ''}`,
    chartSeats: (name) => `${name} : sièges par parti`,
    chartSeatsSubtitle: (win, total) => `Part des élections simulées pour chaque nombre de sièges ; tirets : majorité (${win} sur ${total})`,
    chartSource: (draws, seed, n, r, u, t) => `campaign-lab : ${draws} élections simulées, graine ${seed} ; erreurs log-ratio nationale ${String(n).replace('.', ',')}, régionale ${String(r).replace('.', ',')}, locale ${String(u).replace('.', ',')} pts, t(${t})`,
  },
  // Issue 21 (s4-21) : l'encadré des hypothèses, ce que vaut notre fichier selon les lois a priori des mécanismes.
  listWorth: {
    title: 'Ce que vaut le fichier, et sur quoi cela repose',
    note: (side, list, point, low, high, draws, sims) =>
      `Dans cette simulation, le fichier actuel de ${list} change P(victoire ${side}) de ${point} par rapport à l'absence de fichier. Selon les lois a priori des mécanismes, il la change de ${low} à ${high} : c'est l'intervalle des hypothèses, du 5e au 95e centile sur ${draws} tirages conjoints de la loi a priori de chaque mécanisme (${sims} élections simulées chacun, les mêmes élections à chaque tirage). Il s'ajoute à l'erreur de Monte-Carlo que montrent les intervalles à 95\u202f% des chiffres clés et du graphique par taille de fichier. Les trois hypothèses qui pèsent le plus :`,
    columns: ['Hypothèse', "Part de l'écart", 'Avec elle à son 5e centile', 'À son 95e centile'],
    turnout: (channel) => `${channel} : effet sur la participation par contact`,
    persuasion: (channel) => `${channel} : persuasion par personne touchée`,
    conversion: 'Part des inscrits qui deviennent relais actifs',
    contacts: 'Contacts par relais actif',
    homophily: 'Homophilie des contacts des relais et de leurs amis',
    indirect: 'Votes indirects entre amis par vote social direct',
    decay: "Usure du fichier (part des inscrits perdue par an)",
    noDriver: 'Aucune : à ce nombre de simulations, aucune hypothèse ne le change.',
  },
  // s4-26: the live engine's errors in the page's language (src/briefing/liveErrors.ts).
  liveErrors: {
    problem: (where, expected, found) => `${where}\u00a0: il faut ${expected}${found === null ? '' : `\u00a0; valeur donnée\u00a0: ${found}`}`,
    numberRange: (integer, low, high) => `${integer ? 'un entier' : 'un nombre'} de ${low} à ${high}`,
    eligibleCap: (count, territory) => `au plus les ${count} inscrits du territoire ${territory} (une liste ne peut pas compter plus d'électeurs d'un territoire qu'il n'en a)`,
    supporters: (count) => `${count} soutiens`,
    more: (count) => `et ${count} autres problèmes après celui-ci`,
    untranslated: "le moteur s'est arrêté\u00a0; son message, en anglais",
  },
  // Issue 20 section 5 : la carte de notre campagne sur une page à plusieurs candidats.
  multiCampaign: {
    label: (name, objective) => `Campagne de ${name}\u00a0: variation ${objective === 'seats' ? 'des sièges attendus' : objective === 'qualify' ? 'de P(accède au second tour)' : "de P(l'emporte)"}`,
    note: (members, votes, low, high) => `un fichier de ${members} personnes rapporte ${votes} voix par élection simulée\u00a0; intervalle à 90\u00a0% de ${low} à ${high}, par rapport à l'absence de campagne sur les mêmes élections`,
    ppUnit: '\u00a0pt',
    seatsUnit: '\u00a0sièges',
  },
};

/**
 * A citation as a reader of the page can follow it: pointers to the package's own files (`see
 * data/SOURCES.md`, `in data/parameters.json`) are dropped or put in words, and the first letter is a
 * capital. The citations themselves name their sources (data/parameters.json, data/SOURCES.md).
 *
 * @example
 * readerSource('Ministère de l\'Intérieur; see data/SOURCES.md') // => "Ministère de l'Intérieur"
 * readerSource('assumed delivery in data/parameters.json') // => "Assumed delivery in the project's parameter table"
 */
export function readerSource(text: string): string {
  const out = withoutFilePointers(text);
  return out.startsWith('campaign-lab') ? out : out.charAt(0).toUpperCase() + out.slice(1);
}

/**
 * A citation with the pointers to the package's own files dropped or put in words, as written
 * otherwise (a source line naming the user's file keeps its name as given).
 *
 * @example
 * withoutFilePointers('pennsylvania.csv (table format); see data/SOURCES.md') // => 'pennsylvania.csv (table format)'
 */
export function withoutFilePointers(text: string): string {
  return text
    .trim()
    .replace(/;?\s*see data\/SOURCES\.md/g, '')
    .replace(/in data\/parameters\.json/g, PARAMETER_TABLE);
}

/**
 * A citation as the page's list of sources prints it: its reference, then its note. A French page shows
 * the French forms (`sourceFr`, `noteFr`, data/parameters.json); a reference with no French form is
 * names only (authors, year, journal), marked `*…*` as English. Titles inside French text are marked
 * `*…*` already; the page renders every `*…*` as `<cite lang="en">` (src/briefing/html.ts citeMarks).
 * A note with no French form stays as written (English), so a test of the page finds it.
 *
 * @example
 * citationText({ source: 'Pons 2018 AER', confidence: 'L', note: 'No turnout effect.', noteFr: 'Aucun effet sur la participation.' }, 'fr') // => '*Pons 2018 AER*. Aucun effet sur la participation.'
 */
export function citationText(c: Citation, locale: MessageLocale): string {
  const french = locale === 'fr';
  const source = french ? (c.sourceFr !== undefined ? readerSource(c.sourceFr) : `*${readerSource(c.source)}*`) : readerSource(c.source);
  const note = french ? (c.noteFr ?? c.note) : c.note;
  return `${source}${note ? `. ${note}` : ''}`;
}

/**
 * `in data/parameters.json` in a citation, for a reader of the page: in English whatever the page's
 * language, since the citation around it is the project's English note (a French word in it would make a
 * sentence of two languages).
 */
const PARAMETER_TABLE = "in the project's parameter table";

/**
 * The catalogue, one side per language, the same keys on both.
 *
 * @example
 * MESSAGES.fr.bothSides('Taille du fichier', 'LREM', 'RN') // => 'Taille du fichier (LREM et RN)'
 */
export const MESSAGES: Readonly<Record<MessageLocale, Messages>> = Object.freeze({ en: EN, fr: FR });

/**
 * Every word the English side of the catalogue can show (its strings, and its functions' text around
 * their arguments), lower-case: what a page in another language must not show.
 *
 * @example
 * catalogueWords('en').has('stale') // => true
 */
export function catalogueWords(locale: MessageLocale): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const w of text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []) words.add(w);
  };
  const walk = (value: unknown): void => {
    if (typeof value === 'string') add(value);
    else if (typeof value === 'function') add(String((value as (...args: string[]) => unknown)('\u0001', '\u0001', '\u0001')).replace(/\u0001/g, ' '));
    else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v);
  };
  walk(MESSAGES[locale]);
  return words;
}
