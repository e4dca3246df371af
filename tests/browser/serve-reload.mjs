// Live reload of `sitegen serve` in real headless Chromium. The server is already running (started by the test).
// Usage: node serve-reload.mjs <base url> <node_modules> <cases.json>
// cases.json: { "note": "/a/", "file": "/abs/path/of/a.md", "before": "old text", "after": "new text",
//               "content": "the whole new markdown of the file", "draft": "/draft/", "draftText": "text of the draft" }
// The script never calls reload: it writes the file and waits for the page to reload itself through the SSE script.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from './serve-and-run.mjs';

const [base, modules, casesFile] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(casesFile, 'utf8'));
const timeout = 20000;
const report = { failures: [], consoleErrors: [], reloadMs: null };
const fail = m => report.failures.push(m);

// Polls in the page until the predicate holds; evaluations that hit a navigation in flight are retried.
async function poll(page, predicate, arg) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    try {
      if (await page.evaluate(predicate, arg)) return true;
    } catch { /* the page was navigating */ }
    await new Promise(r => setTimeout(r, 100));
  }
  return false;
}
const bodyHas = text => document.body?.innerText.includes(text) ?? false;

const browser = await chromium(modules);
try {
  const page = await browser.newPage();
  page.on('pageerror', e => report.consoleErrors.push(`${page.url()}: ${e}`));
  // The browser's own /favicon.ico request is not the page's: the theme ships no favicon, which is not serve's concern.
  page.on('console', m => {
    if (m.type() !== 'error') return;
    if (/\/favicon\.ico$/.test(m.location()?.url ?? '')) { report.ignored = (report.ignored ?? []).concat(m.location().url); return; }
    report.consoleErrors.push(`${page.url()}: ${m.text()} (${m.location()?.url ?? ''})`);
  });
  let navigations = 0;
  page.on('framenavigated', f => { if (f === page.mainFrame()) navigations++; });

  // The edit must not happen before the page listens, or the reload event has no one to reach.
  const listening = page.waitForResponse(r => new URL(r.url()).pathname === '/__sitegen/reload', { timeout });
  const response = await page.goto(base + cases.note, { waitUntil: 'load', timeout });
  if (!response.ok()) fail(`${cases.note}: HTTP ${response.status()}`);
  await listening.catch(() => fail('the page never connected to the live-reload endpoint'));
  if (!(await poll(page, bodyHas, cases.before))) fail(`the note does not show '${cases.before}' before the edit`);
  if (await page.evaluate(bodyHas, cases.after)) fail(`the note shows '${cases.after}' before the edit`);

  // A marker in the old document: it is gone only if the browser really loaded the page again.
  await page.evaluate(() => { window.__sitegenBeforeEdit = true; });
  const navigationsBefore = navigations;
  const written = Date.now();
  writeFileSync(cases.file, cases.content);
  if (await poll(page, bodyHas, cases.after)) {
    report.reloadMs = Date.now() - written;
    if (await page.evaluate(() => window.__sitegenBeforeEdit === true)) fail('the new text appeared without a reload');
    if (navigations === navigationsBefore) fail('no navigation was seen, yet the text changed');
    if (await page.evaluate(bodyHas, cases.before)) fail(`the reloaded note still shows '${cases.before}'`);
  } else {
    fail(`the open page did not show '${cases.after}' within ${timeout} ms of the edit`);
  }

  // With --drafts, a draft note is served under a visible banner.
  const draft = await page.goto(base + cases.draft, { waitUntil: 'load', timeout });
  if (!draft.ok()) fail(`${cases.draft}: HTTP ${draft.status()}`);
  if (!(await page.evaluate(bodyHas, cases.draftText))) fail(`the draft does not show '${cases.draftText}'`);
  const banner = page.locator('[data-sitegen-drafts]');
  if (await banner.count() !== 1) fail(`expected one drafts banner, found ${await banner.count()}`);
  else if (!(await banner.isVisible())) fail('the drafts banner is not visible');
  else {
    const box = await banner.boundingBox();
    const viewport = page.viewportSize();
    if (!box || box.height < 10 || box.y + box.height > viewport.height + 1) fail(`the drafts banner is not on screen: ${JSON.stringify(box)}`);
  }
  await page.waitForTimeout(300);
} finally {
  await browser.close();
}
if (report.consoleErrors.length) fail(`console errors: ${report.consoleErrors.join(' | ')}`);
process.stdout.write(JSON.stringify(report));
process.exit(report.failures.length ? 1 : 0);
