/**
 * The briefing's message catalogue: the words of the assumptions table (parameter names, channel names,
 * value words, the table's own rows), the simulation's source line on every chart, the page footer and
 * the race's label, in English and in French under the same keys (the French side is typed as the
 * English one, so a key missing on either side does not compile). Browser-safe: the page's script and
 * the Node side read the same catalogue. Numbers inside messages are formatted by the caller with
 * `Intl` for the locale (src/briefing/formatNumber.ts).
 */

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
  /** `in data/parameters.json` in a citation, for a reader of the page. */
  parameterTable: "in the project's parameter table",
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
};

/** The catalogue's shape: every key of the English side, with the same kind of value. */
export type Messages = typeof EN;

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
  parameterTable: 'dans la table des paramètres du projet',
  simulationSource: (version, draws, seed) => `simulation campaign-lab ${version} : ${draws} tirages, graine ${seed} ; paramètres et citations dans summary.json`,
  generatedBy: (version, seed, draws) => `campaign-lab ${version}, graine ${seed}, ${draws} simulations`,
  round: (r) => (r === 1 ? '1er tour' : '2d tour'),
  forecastOf: (election, from) => `${election} (d'après ${from})`,
  ppUnit: 'pts',
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
export function readerSource(text: string, locale: MessageLocale = 'en'): string {
  let out = text.trim();
  out = out.replace(/;?\s*see data\/SOURCES\.md/g, '');
  out = out.replace(/in data\/parameters\.json/g, MESSAGES[locale].parameterTable);
  return out.startsWith('campaign-lab') ? out : out.charAt(0).toUpperCase() + out.slice(1);
}

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
