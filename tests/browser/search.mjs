// Browser test of the search UI on a built site. Usage: node search.mjs <site> <node_modules> <cases.json>
// cases.json: { "queries": [{ "text": "...", "expect": "/url/", "rank": 1 }], "hostile": ["..."] }
// Prints a JSON report; exits non-zero on any failure.
import { readFileSync } from 'node:fs';
import { serve, chromium } from './serve-and-run.mjs';

const [site, modules, casesFile] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(casesFile, 'utf8'));
const { server, base } = await serve(site);
const browser = await chromium(modules);
const report = { failures: [], pageErrors: [], timings: {} };
const fail = message => report.failures.push(message);

try {
  const page = await browser.newPage();
  page.on('pageerror', e => report.pageErrors.push(String(e)));
  const requests = [];
  page.on('request', r => requests.push(new URL(r.url()).pathname));

  await page.goto(base + '/', { waitUntil: 'load' });
  if (requests.some(p => p.endsWith('search/index.json'))) fail('the index loaded on page load');

  const started = Date.now();
  await page.keyboard.press('Control+K');
  const input = page.locator('[data-search-modal] [data-search-input]');
  await input.waitFor({ state: 'visible', timeout: 5000 });
  const first = cases.queries[0];
  await input.fill(first.text);
  await page.locator('[data-search-modal] [data-search-results] a').first().waitFor({ timeout: 10000 });
  report.timings.openToFirstResultsMs = Date.now() - started;
  if (!requests.some(p => p.endsWith('search/index.json'))) fail('the index did not load on first use');

  for (const q of cases.queries) {
    await input.fill('');
    await input.fill(q.text);
    await page.waitForTimeout(150);
    const hrefs = await page.locator('[data-search-modal] [data-search-results] a').evaluateAll(as => as.map(a => new URL(a.href).pathname));
    const at = hrefs.indexOf(q.expect);
    if (at < 0 || at >= q.rank) fail(`"${q.text}": ${q.expect} at ${at < 0 ? 'no rank' : at + 1}, wanted top ${q.rank} (got ${hrefs.slice(0, 3).join(', ')})`);
  }

  // Keyboard: Down then Enter opens the first result; Esc closes the modal.
  await input.fill(cases.queries[0].text);
  await page.waitForTimeout(150);
  await input.press('ArrowDown');
  await Promise.all([page.waitForURL(u => new URL(u).pathname === cases.queries[0].expect, { timeout: 5000 }).catch(() => fail('Down+Enter did not open the first result')), input.press('Enter')]);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Escape');
  if (await page.locator('[data-search-modal]').isVisible()) fail('Esc did not close the modal');

  // Every hostile string can be typed without a page error.
  await page.keyboard.press('/');
  for (const text of cases.hostile) {
    await input.fill(text);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(200);

  // The results page works from its URL.
  await page.goto(base + '/search/?q=' + encodeURIComponent(cases.queries[0].text), { waitUntil: 'load' });
  await page.locator('[data-search-page] [data-search-results] a').first().waitFor({ timeout: 10000 }).catch(() => fail('/search/?q= shows no results'));
} finally {
  await browser.close();
  server.close();
}
if (report.pageErrors.length) fail(`page errors: ${report.pageErrors.join(' | ')}`);
process.stdout.write(JSON.stringify(report));
process.exit(report.failures.length ? 1 : 0);
