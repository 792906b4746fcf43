/**
 * The 50 states and DC: USPS code, Census FIPS code (the ids of the us-atlas TopoJSON) and the
 * cell of each in the project's own US tile grid (12 columns × 8 rows, column 0 west, row 0 north),
 * laid out so neighbours stay roughly neighbours. FIPS codes: US Census Bureau, ANSI/FIPS state codes
 * (as in the MEDSL results file, column state_fips).
 */
export interface UsStateTile {
  /** USPS code. */
  id: string;
  /** Two-digit FIPS code. */
  fips: string;
  name: string;
  /** Tile column (0 = west) and row (0 = north). */
  col: number;
  row: number;
}

/** States with districts that cast their own electoral votes: Maine 2, Nebraska 3. */
export const DISTRICT_COUNTS: Readonly<Record<string, number>> = Object.freeze({ ME: 2, NE: 3 });

export const US_STATE_TILES: readonly UsStateTile[] = Object.freeze([
  { id: 'AK', fips: '02', name: 'Alaska', col: 0, row: 0 },
  { id: 'AL', fips: '01', name: 'Alabama', col: 7, row: 6 },
  { id: 'AR', fips: '05', name: 'Arkansas', col: 5, row: 5 },
  { id: 'AZ', fips: '04', name: 'Arizona', col: 2, row: 5 },
  { id: 'CA', fips: '06', name: 'California', col: 1, row: 4 },
  { id: 'CO', fips: '08', name: 'Colorado', col: 3, row: 4 },
  { id: 'CT', fips: '09', name: 'Connecticut', col: 10, row: 3 },
  { id: 'DC', fips: '11', name: 'District of Columbia', col: 9, row: 5 },
  { id: 'DE', fips: '10', name: 'Delaware', col: 10, row: 4 },
  { id: 'FL', fips: '12', name: 'Florida', col: 9, row: 7 },
  { id: 'GA', fips: '13', name: 'Georgia', col: 8, row: 6 },
  { id: 'HI', fips: '15', name: 'Hawaii', col: 0, row: 7 },
  { id: 'IA', fips: '19', name: 'Iowa', col: 5, row: 3 },
  { id: 'ID', fips: '16', name: 'Idaho', col: 2, row: 2 },
  { id: 'IL', fips: '17', name: 'Illinois', col: 6, row: 2 },
  { id: 'IN', fips: '18', name: 'Indiana', col: 6, row: 3 },
  { id: 'KS', fips: '20', name: 'Kansas', col: 4, row: 5 },
  { id: 'KY', fips: '21', name: 'Kentucky', col: 6, row: 4 },
  { id: 'LA', fips: '22', name: 'Louisiana', col: 5, row: 6 },
  { id: 'MA', fips: '25', name: 'Massachusetts', col: 10, row: 2 },
  { id: 'MD', fips: '24', name: 'Maryland', col: 9, row: 4 },
  { id: 'ME', fips: '23', name: 'Maine', col: 11, row: 0 },
  { id: 'MI', fips: '26', name: 'Michigan', col: 7, row: 2 },
  { id: 'MN', fips: '27', name: 'Minnesota', col: 5, row: 2 },
  { id: 'MO', fips: '29', name: 'Missouri', col: 5, row: 4 },
  { id: 'MS', fips: '28', name: 'Mississippi', col: 6, row: 6 },
  { id: 'MT', fips: '30', name: 'Montana', col: 3, row: 2 },
  { id: 'NC', fips: '37', name: 'North Carolina', col: 7, row: 5 },
  { id: 'ND', fips: '38', name: 'North Dakota', col: 4, row: 2 },
  { id: 'NE', fips: '31', name: 'Nebraska', col: 4, row: 4 },
  { id: 'NH', fips: '33', name: 'New Hampshire', col: 11, row: 1 },
  { id: 'NJ', fips: '34', name: 'New Jersey', col: 9, row: 3 },
  { id: 'NM', fips: '35', name: 'New Mexico', col: 3, row: 5 },
  { id: 'NV', fips: '32', name: 'Nevada', col: 2, row: 3 },
  { id: 'NY', fips: '36', name: 'New York', col: 9, row: 2 },
  { id: 'OH', fips: '39', name: 'Ohio', col: 7, row: 3 },
  { id: 'OK', fips: '40', name: 'Oklahoma', col: 4, row: 6 },
  { id: 'OR', fips: '41', name: 'Oregon', col: 1, row: 3 },
  { id: 'PA', fips: '42', name: 'Pennsylvania', col: 8, row: 3 },
  { id: 'RI', fips: '44', name: 'Rhode Island', col: 11, row: 3 },
  { id: 'SC', fips: '45', name: 'South Carolina', col: 8, row: 5 },
  { id: 'SD', fips: '46', name: 'South Dakota', col: 4, row: 3 },
  { id: 'TN', fips: '47', name: 'Tennessee', col: 6, row: 5 },
  { id: 'TX', fips: '48', name: 'Texas', col: 4, row: 7 },
  { id: 'UT', fips: '49', name: 'Utah', col: 2, row: 4 },
  { id: 'VA', fips: '51', name: 'Virginia', col: 8, row: 4 },
  { id: 'VT', fips: '50', name: 'Vermont', col: 10, row: 1 },
  { id: 'WA', fips: '53', name: 'Washington', col: 1, row: 2 },
  { id: 'WI', fips: '55', name: 'Wisconsin', col: 6, row: 1 },
  { id: 'WV', fips: '54', name: 'West Virginia', col: 7, row: 4 },
  { id: 'WY', fips: '56', name: 'Wyoming', col: 3, row: 3 },
]);
