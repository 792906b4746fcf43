import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { inflateSync } from 'node:zlib';
import { projectRoot, runMain } from './cliHarness.js';

/**
 * The text of a PNG's metadata chunks (every chunk but the image data and the palette), zTXt and
 * compressed iTXt inflated: where a renderer would write a title, a source or a file name.
 */
function pngMetadataText(bytes: Buffer): string {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  const parts: string[] = [];
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'zTXt') {
      const nul = data.indexOf(0);
      parts.push(data.subarray(0, nul).toString('latin1'), inflateSync(data.subarray(nul + 2)).toString('latin1'));
    } else if (type === 'iTXt' && data[data.indexOf(0) + 1] === 1) {
      parts.push(data.subarray(0, data.indexOf(0)).toString('latin1'));
      // keyword NUL flag method language NUL translated NUL text: the text is compressed
      let nul = data.indexOf(0, data.indexOf(0) + 3);
      nul = data.indexOf(0, nul + 1);
      parts.push(inflateSync(data.subarray(nul + 1)).toString('utf8'));
    } else if (type !== 'IDAT' && type !== 'PLTE') parts.push(`${type}:${data.toString('latin1')}`);
    at += 12 + length;
  }
  return parts.join('\n');
}

test('run --out of a scenario whose race, margins and counts files sit beside it, run from another folder: no absolute path in the briefing, summary.json, the SVGs or the PNGs', async () => {
  const scenarioDir = realpathSync(mkdtempSync(join(tmpdir(), 'campaign-lab-paths-scenario-')));
  const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'campaign-lab-paths-cwd-')));
  try {
    cpSync(join(projectRoot, 'data/races/pennsylvania-2024-counties.csv'), join(scenarioDir, 'pennsylvania-2024-counties.csv'));
    const scenario = readFileSync(join(projectRoot, 'scenarios/pennsylvania-2024-counties.yaml'), 'utf8')
      .replace('../data/races/pennsylvania-2024-counties.csv', 'pennsylvania-2024-counties.csv')
      .replace('allocation: proportional', 'allocation: { file: counts.json }');
    assert.match(scenario, /file: pennsylvania-2024-counties\.csv\n/);
    assert.match(scenario, /allocation: \{ file: counts\.json \}/);
    writeFileSync(join(scenarioDir, 'pa.yaml'), `${scenario}baseline:\n  margins: { file: margins.csv }\n`);
    writeFileSync(join(scenarioDir, 'counts.json'), JSON.stringify({ 42101: 30000, 42003: 20000 }));
    writeFileSync(join(scenarioDir, 'margins.csv'), 'id,margin\n42101,60\n42003,20\n');
    const typed = relative(cwd, join(scenarioDir, 'pa.yaml'));
    assert.ok(!typed.startsWith('/'), typed);
    const r = await runMain(['run', typed, '--sims', '2000', '--out', 'out'], { cwd });
    assert.equal(r.code, 0, r.stderr);
    const out = join(cwd, 'out');
    const files = readdirSync(out);
    assert.ok(files.some((f) => f.endsWith('.svg')) && files.some((f) => f.endsWith('.png')), files.join(', '));
    const summary = readFileSync(join(out, 'summary.json'), 'utf8');
    const briefing = readFileSync(join(out, 'briefing.html'), 'utf8');
    // The files are named as the scenario writes them, in the summary, the briefing and the charts.
    assert.match(summary, /"resultsSource": "pennsylvania-2024-counties\.csv \(table format\)"/);
    assert.match(briefing, /Source: pennsylvania-2024-counties\.csv \(table format\)/);
    assert.match(briefing, /margins\.csv/);
    const absolute = [tmpdir(), realpathSync(tmpdir()), scenarioDir, cwd, homedir(), projectRoot.replace(/\/$/, '')];
    const texts: [string, string][] = [['summary.json', summary], ['briefing.html', briefing]];
    for (const f of files) {
      if (f.endsWith('.svg')) texts.push([f, readFileSync(join(out, f), 'utf8')]);
      if (f.endsWith('.png')) {
        const bytes = readFileSync(join(out, f));
        texts.push([`${f} (metadata)`, pngMetadataText(bytes)], [`${f} (bytes)`, bytes.toString('latin1')]);
      }
    }
    for (const [name, text] of texts) {
      for (const path of absolute) assert.ok(!text.includes(path), `${name} holds ${path}`);
    }
    assert.match(readFileSync(join(out, files.find((f) => f.endsWith('.svg'))!), 'utf8'), /Source: pennsylvania-2024-counties\.csv/);
  } finally {
    rmSync(scenarioDir, { recursive: true, force: true });
    rmSync(cwd, { recursive: true, force: true });
  }
});
