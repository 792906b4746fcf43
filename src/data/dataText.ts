/**
 * The text of one data file and the name to use for it in error messages. Parsers take these, so
 * the same parsing runs on files read from disk (Node) or fetched over the network (browser).
 */
export interface DataText {
  /** File name or path used in error messages (`data/us_president_results.csv`). */
  file: string;
  /** The file's UTF-8 text. */
  text: string;
}
