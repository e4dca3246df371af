// Every page kind of a built site, in both themes: no console error, no failed request, no serious or critical axe
// violation, and screenshots at 1280 and 390 px wide.
// Usage: node pages.mjs <site> <node_modules> <cases.json> <screenshot dir>
// cases.json: { "pages": { "note": "/a/note/", "tag": "/tags/x/", ... } }
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { serve, chromium } from './serve-and-run.mjs';

const [site, modules, casesFile, shots] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(casesFile, 'utf8'));
const axeSource = readFileSync(path.join(modules, 'axe-core', 'axe.min.js'), 'utf8');
mkdirSync(shots, { recursive: true });
const { server, base } = await serve(site);
const browser = await chromium(modules);
const report = { failures: [], axe: {}, screenshots: [] };
const fail = m => report.failures.push(m);

// Waits for what a page kind draws after load, so that axe and the screenshot see the finished page.
async function settle(page, kind, width) {
  // On a phone the note's local graph sits in a closed drawer and is drawn only when opened.
  if (kind === 'graph' || kind === 'note' && width >= 1000) {
    await page.locator('[data-graph]').first().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('[data-graph]')?.dataset.graphNodes, null, { timeout: 8000 })
      .catch(() => fail(`${kind}: the graph was not drawn`));
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  if (kind === 'search') await page.locator('[data-search-page] [data-search-results] li').first().waitFor({ timeout: 8000 })
    .catch(() => fail('search: no results for the query'));
  await page.waitForTimeout(300);
}

try {
  for (const theme of ['light', 'dark']) {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
      await context.addInitScript(t => { try { localStorage.setItem('sitegen-theme', t); } catch (e) { } }, theme);
      const page = await context.newPage();
      const problems = [];
      page.on('console', m => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
      page.on('pageerror', e => problems.push(`page error: ${e}`));
      page.on('requestfailed', r => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
      page.on('response', r => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
      for (const [kind, url] of Object.entries(cases.pages)) {
        problems.length = 0;
        await page.goto(base + url, { waitUntil: 'load' });
        await settle(page, kind, width);
        if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) fail(`${kind}: not in the ${theme} theme`);
        const file = path.join(shots, `${kind}-${theme}-${width}.png`);
        await page.screenshot({ path: file, fullPage: width < 1000 });
        report.screenshots.push(file);
        if (width === 1280) {
          await page.evaluate(axeSource);
          const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
          const bad = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
          report.axe[`${kind}-${theme}`] = { violations: result.violations.length, serious: bad.length };
          for (const v of bad) {
            fail(`axe ${kind} (${theme}): ${v.id} [${v.impact}] ${v.help}: ` +
              v.nodes.slice(0, 4).map(n => `${n.target.join(' ')} ${n.failureSummary?.split('\n').slice(1, 2).join(' ') ?? ''}`).join(' | '));
          }
        }
        for (const p of problems) fail(`${kind} (${theme}, ${width}px) ${url}: ${p}`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
process.stdout.write(JSON.stringify(report));
process.exit(report.failures.length ? 1 : 0);
