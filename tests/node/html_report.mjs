// The HTML report of real plans in headless Chromium (docs/html.md):
//   node html_report.mjs IOOI_BINARY [--screenshots DIR]
// For the example plan in English and German, opened from disk:
// - no <script> element, exactly one <style>, and no request other than the file itself;
// - no console message of level error and no page error;
// - axe-core reports no violation;
// - one burn-up chart (svg.burnup in a <figure> with a caption) per measure that has a
//   check-in up to as_of (from `--format json`), and the chain as one Graphviz SVG;
// - printing to PDF gives several A4 pages.
// With --screenshots DIR it also writes the pages' screenshots (docs/examples/*.png).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { check, finish, requireNodeModules, runIooi, SKIP } from './lib.mjs';

requireNodeModules();
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const [binary, ...rest] = process.argv.slice(2);
const screenshotDir = rest[0] === '--screenshots' ? rest[1] : null;
const chromiumPath = '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.log(`SKIP: no ${chromiumPath}`);
  process.exit(process.env.IOOI_REQUIRE_TOOLS === '1' ? 1 : SKIP);
}

const plans = [
  { dir: 'examples/civic-coding', args: ['--period', '2026-Q1', '--as-of', '2026-03-20'], name: 'civic-coding' },
  { dir: 'examples/civic-coding', args: ['--period', 'all', '--as-of', '2026-03-20'], name: null },
];

// Measures the report charts: key results and indicators with a check-in up to as_of.
function chartedMeasures(json) {
  const measures = [...json.objectives.flatMap((o) => o.key_results),
                    ...json.elements.flatMap((e) => e.indicators)];
  return measures.filter((m) => m.last_checkin !== null).length;
}

// Pages of a PDF as Chromium writes it: one /Type /Page object each, with its MediaBox.
function pdfPages(buffer) {
  const text = buffer.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
  return { count: pages.length, a4: boxes.length > 0 && boxes.every(([, w, h]) =>
    Math.abs(w - 595.92) < 1.5 && Math.abs(h - 842.88) < 1.5) };
}

async function checkPage(browser, file, label, expectedCharts) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  const counts = await page.evaluate(() => ({
    scripts: document.querySelectorAll('script').length,
    styles: document.querySelectorAll('style').length,
    headStyles: document.querySelectorAll('head > style').length,
    lang: document.documentElement.lang,
    charts: document.querySelectorAll('figure > svg.burnup').length,
    captioned: [...document.querySelectorAll('figure > svg.burnup')]
      .filter((svg) => svg.closest('figure').querySelector('figcaption') &&
                       svg.closest('figure').querySelector('table')).length,
    chains: document.querySelectorAll('figure > svg.chain').length,
    chainNodes: document.querySelectorAll('svg.chain g.node').length,
  }));
  check(counts.scripts === 0, `${label}: ${counts.scripts} script elements`);
  check(counts.styles === 1 && counts.headStyles === 1, `${label}: ${counts.styles} style elements`);
  check(counts.lang === label.slice(-2), `${label}: lang="${counts.lang}"`);
  check(counts.charts === expectedCharts, `${label}: ${counts.charts} charts, expected ${expectedCharts}`);
  check(counts.captioned === counts.charts, `${label}: ${counts.charts - counts.captioned} charts without caption or table`);
  check(counts.chains === 1 && counts.chainNodes > 0, `${label}: ${counts.chains} chain diagrams, ${counts.chainNodes} nodes`);
  check(requests.length === 1 && requests[0] === url, `${label}: requests ${JSON.stringify(requests)}`);
  await page.evaluate(axeSource);
  const axe = await page.evaluate(async () => {
    const result = await window.axe.run(document);
    return { passes: result.passes.length,
             violations: result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`) };
  });
  check(axe.passes > 0, `${label}: axe-core ran no rule`);
  check(axe.violations.length === 0, `${label}: axe-core violations ${JSON.stringify(axe.violations)}`);
  check(errors.length === 0, `${label}: console errors ${JSON.stringify(errors)}`);
  const pdf = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  check(pdf.count >= 3 && pdf.a4, `${label}: PDF of ${pdf.count} pages, A4: ${pdf.a4}`);
  console.log(`${label}: ${counts.charts} charts, ${counts.chainNodes} chain nodes, ` +
              `${pdf.count} A4 pages, axe-core: ${axe.passes} rules pass, ${axe.violations.length} violations`);
  return page;
}

const work = mkdtempSync(join(tmpdir(), 'iooi-html-'));
const browser = await chromium.launch({ executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  for (const plan of plans) {
    const json = JSON.parse(runIooi(binary, ['report', plan.dir, ...plan.args, '--format', 'json', '-q']).stdout);
    for (const lang of ['en', 'de']) {
      const file = join(work, `${plan.name ?? 'all'}-${lang}.html`);
      const run = runIooi(binary, ['report', plan.dir, ...plan.args, '--format', 'html', '--lang', lang, '-q']);
      check(run.status === 0 && run.stderr === '', `${plan.dir} ${lang}: exit ${run.status}, stderr ${run.stderr}`);
      writeFileSync(file, run.stdout);
      const label = `${plan.dir} ${plan.args.join(' ')} ${lang}`;
      const page = await checkPage(browser, file, label, chartedMeasures(json));
      if (screenshotDir && plan.name) {
        await page.setViewportSize({ width: 1000, height: 1500 });
        await page.screenshot({ path: join(screenshotDir, `${plan.name}-report-${lang}.png`) });
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
finish();
