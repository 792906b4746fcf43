/**
 * Version of the package recorded in every result. Kept as a constant so browser code needs no file
 * access; test/sim/version.test.ts checks it against package.json.
 */
export const VERSION = '0.1.0';
