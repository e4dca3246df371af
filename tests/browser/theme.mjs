// Browser test of the default theme on a built site. Usage: node theme.mjs <site> <node_modules> <cases.json> [screenshot dir]
// cases.json: { "pages": ["/", ...], "note": "/a/note/", "internalLink": "text of a resolved link on that note", "unresolved": true }
import { readFileSync } from 'node:fs';
import { serve, chromium } from './serve-and-run.mjs';

const [site, modules, casesFile, shots] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(casesFile, 'utf8'));
const { server, base } = await serve(site);
const browser = await chromium(modules);
const report = { failures: [], pageErrors: [] };
const fail = m => report.failures.push(m);
try {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', e => report.pageErrors.push(`${page.url()}: ${e}`));
  for (const path of cases.pages) {
    const response = await page.goto(base + path, { waitUntil: 'load' });
    if (!response.ok()) fail(`${path}: HTTP ${response.status()}`);
    await page.waitForTimeout(100);
  }

  // KaTeX and Mermaid load only where needed, and render there.
  if (cases.mathPage) {
    const requested = [];
    page.on('request', r => requested.push(new URL(r.url()).pathname));
    await page.goto(base + cases.note, { waitUntil: 'load' });
    if (requested.some(p => p.includes('katex') || p.includes('mermaid'))) fail('KaTeX or Mermaid loaded on a page without math or diagrams');
    await page.goto(base + cases.mathPage, { waitUntil: 'load' });
    await page.locator('.math .katex').first().waitFor({ timeout: 8000 }).catch(() => fail('math was not rendered by KaTeX'));
    await page.locator('.mermaid svg').first().waitFor({ timeout: 15000 }).catch(() => fail('the mermaid diagram was not drawn'));
  }

  // Popover on hover of a resolved internal link; none on an unresolved one.
  await page.goto(base + cases.note, { waitUntil: 'load' });
  await page.locator('main a.internal').first().hover();
  await page.locator('.popover').waitFor({ timeout: 5000 }).catch(() => fail('no popover on hovering an internal link'));
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  if (await page.locator('main .internal.unresolved').count() > 0) {
    await page.locator('main .internal.unresolved').first().hover();
    await page.waitForTimeout(800);
    if (await page.locator('.popover').count() > 0) fail('a popover appeared for an unresolved link');
  }

  // The local graph draws when scrolled into view.
  await page.locator('[data-graph]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => Number(document.querySelector('[data-graph]')?.dataset.graphNodes) > 0, null, { timeout: 8000 })
    .catch(() => fail('the local graph drew no nodes'));
  await page.goto(base + '/graph/', { waitUntil: 'load' });
  await page.waitForFunction(() => Number(document.querySelector('[data-graph]')?.dataset.graphNodes) > 1, null, { timeout: 8000 })
    .catch(() => fail('the global graph drew no nodes'));

  // Theme toggle is remembered, and applied before first paint on the next page.
  await page.goto(base + cases.note, { waitUntil: 'load' });
  const before = await page.evaluate(() => document.documentElement.dataset.theme);
  await page.click('[data-theme-toggle]');
  const after = await page.evaluate(() => document.documentElement.dataset.theme);
  if (before === after) fail('the theme toggle did not switch the theme');
  await page.goto(base + '/', { waitUntil: 'commit' });
  const early = await page.evaluate(() => document.documentElement.dataset.theme);
  if (early !== after) fail(`the chosen theme (${after}) was not applied before paint (${early})`);
  if (shots) {
    await page.goto(base + cases.note, { waitUntil: 'load' });
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${shots}/note-${after}.png` });
    await page.click('[data-theme-toggle]');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${shots}/note-${before}.png` });
  }

  // Mobile: the explorer is a drawer opened from the header and closed with Esc.
  const phone = await browser.newPage({ viewport: { width: 390, height: 800 } });
  phone.on('pageerror', e => report.pageErrors.push(`phone ${phone.url()}: ${e}`));
  await phone.goto(base + cases.note, { waitUntil: 'load' });
  const shown = () => phone.evaluate(() => { const r = document.getElementById('sg-left').getBoundingClientRect(); return r.right > 10 && r.left < innerWidth; });
  if (await shown()) fail('on a phone the explorer is visible before it is opened');
  await phone.click('[data-drawer-toggle=left]');
  await phone.waitForTimeout(400);
  if (!(await shown())) fail('the explorer drawer did not open');
  await phone.keyboard.press('Escape');
  await phone.waitForTimeout(400);
  if (await shown()) fail('Esc did not close the drawer');
  await phone.close();

  // The explorer remembers open folders.
  await page.goto(base + cases.note, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  const folder = page.locator('[data-explorer] details[data-folder-path]').last();
  if (await folder.count()) {
    const path = await folder.getAttribute('data-folder-path');
    await folder.evaluate(d => { d.open = !d.open; d.dispatchEvent(new Event('toggle')); });
    const open = await folder.evaluate(d => d.open);
    await page.reload({ waitUntil: 'load' });
    await page.waitForTimeout(600);
    const reopened = await page.locator(`[data-explorer] details[data-folder-path="${path}"]`).evaluate(d => d.open);
    if (open && !reopened) fail('the explorer did not remember an open folder');
  }
} finally {
  await browser.close();
  server.close();
}
if (report.pageErrors.length) fail(`page errors: ${report.pageErrors.join(' | ')}`);
process.stdout.write(JSON.stringify(report));
process.exit(report.failures.length ? 1 : 0);
