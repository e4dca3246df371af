// Browser test of the default theme on a built site. Usage: node theme.mjs <site> <node_modules> <cases.json> [screenshot dir]
// cases.json: { "pages": ["/", ...], "note": "/a/note/", "mathPage": "/a/page/with/math/" }
import { readFileSync } from 'node:fs';
import path from 'node:path';
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
  page.on('console', m => { if (m.type() === 'error') report.pageErrors.push(`${page.url()}: console error: ${m.text()}`); });
  page.on('requestfailed', r => { if (r.failure()?.errorText !== 'net::ERR_ABORTED') fail(`request failed: ${r.url()} ${r.failure()?.errorText}`); });
  page.on('response', r => { if (r.status() >= 400) fail(`HTTP ${r.status()}: ${r.url()}`); });
  for (const url of cases.pages) {
    const response = await page.goto(base + url, { waitUntil: 'load' });
    if (!response.ok()) fail(`${url}: HTTP ${response.status()}`);
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

  // Popover on hover of a resolved internal link, showing the target's text; on keyboard focus too; none on an
  // unresolved link.
  await page.goto(base + cases.note, { waitUntil: 'load' });
  const link = page.locator('main .note-content a.internal[href]').first();
  const targetUrl = new URL(await link.getAttribute('href'), base + cases.note).pathname;
  const targetText = await page.evaluate(async url => {
    const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
    return (doc.querySelector('.note-content p')?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  }, targetUrl);
  if (!targetText) fail(`the popover's target ${targetUrl} has no paragraph to compare`);
  await link.hover();
  await page.locator('.popover').waitFor({ timeout: 5000 }).catch(() => fail('no popover on hovering an internal link'));
  const shownText = ((await page.locator('.popover').textContent().catch(() => '')) ?? '').replace(/\s+/g, ' ');
  if (targetText && !shownText.includes(targetText)) fail(`the popover does not show the target's text "${targetText}"`);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(700);
  if (await page.locator('.popover').count() > 0) fail('the popover stayed after the pointer left');
  await link.focus();
  await page.locator('.popover').waitFor({ timeout: 5000 }).catch(() => fail('no popover on focusing an internal link with the keyboard'));
  await page.keyboard.press('Escape');
  await page.waitForTimeout(200);
  if (await page.locator('.popover').count() > 0) fail('Esc did not close the popover');
  await page.evaluate(() => document.activeElement?.blur());
  if (await page.locator('main .internal.unresolved').count() > 0) {
    await page.locator('main .internal.unresolved').first().hover();
    await page.waitForTimeout(800);
    if (await page.locator('.popover').count() > 0) fail('a popover appeared for an unresolved link');
  }

  // The local graph draws when scrolled into view: one node per public neighbour in graph.json (links of either
  // direction, tags left out until asked for) and one for the note itself.
  await page.locator('[data-graph]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => Number(document.querySelector('[data-graph]')?.dataset.graphNodes) > 0, null, { timeout: 8000 })
    .catch(() => fail('the local graph drew no nodes'));
  {
    const graph = JSON.parse(readFileSync(path.join(site, 'graph.json'), 'utf8'));
    const focus = await page.locator('[data-graph]').getAttribute('data-graph-focus');
    const ids = new Set(graph.nodes.map(n => n.id));
    const neighbours = new Set();
    for (const l of graph.links) {
      if (l.type === 'tag') continue;
      if (l.source === focus && l.target !== focus) neighbours.add(l.target);
      if (l.target === focus && l.source !== focus) neighbours.add(l.source);
    }
    const expected = [...neighbours].filter(id => ids.has(id)).length + 1;
    const drawn = Number(await page.locator('[data-graph]').getAttribute('data-graph-nodes'));
    if (!ids.has(focus)) fail(`the note ${focus} is not in graph.json`);
    if (drawn !== expected) fail(`the local graph drew ${drawn} nodes, graph.json gives ${expected - 1} neighbours and the note`);
    report.localGraph = { focus, drawn, expected };
  }
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

  // The explorer: a folder opens with its toggle button, a note in it is reached by a click, and open folders are
  // remembered on the next page.
  await page.evaluate(() => localStorage.removeItem('sitegen-explorer-open'));
  await page.goto(base + '/', { waitUntil: 'load' });
  await page.locator('[data-explorer] [data-folder-path] .explorer-note a').first().waitFor({ state: 'attached', timeout: 5000 })
    .catch(() => fail('the explorer did not load its notes'));
  const folders = await page.locator('[data-explorer] [data-folder-path]').evaluateAll(fs =>
    fs.filter(f => f.querySelector(':scope > ul > .explorer-note')).map(f => f.getAttribute('data-folder-path')));
  if (folders.length < 2) fail('the explorer needs two folders with notes for this test');
  else {
    const [kept, into] = folders;
    const toggle = p => page.locator(`[data-explorer] [data-folder-path="${p}"] > .explorer-row > .explorer-toggle`);
    for (const p of [kept, into]) {
      if (await toggle(p).getAttribute('aria-expanded') !== 'false') fail(`folder ${p} was open before it was opened`);
      await toggle(p).focus();
      await page.keyboard.press('Enter');
      if (await toggle(p).getAttribute('aria-expanded') !== 'true') fail(`the toggle did not open folder ${p}`);
    }
    const note = page.locator(`[data-explorer] [data-folder-path="${into}"] > ul > .explorer-note > a`).first();
    if (!(await note.isVisible())) fail('a note in an opened folder is not visible');
    const href = await note.getAttribute('href');
    await Promise.all([page.waitForURL(u => u.pathname === new URL(href, base).pathname, { timeout: 5000 }), note.click()])
      .catch(() => fail(`clicking ${href} in the explorer did not open it`));
    await page.locator('[data-explorer] [data-folder-path] .explorer-note a').first().waitFor({ state: 'attached', timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(300);
    if (await toggle(kept).getAttribute('aria-expanded') !== 'true') fail(`the explorer did not remember that folder ${kept} was open`);
    if (await page.locator(`[data-explorer] a[aria-current=page]`).getAttribute('href') !== href) fail('the explorer does not mark the current note');
  }

  // The skip link is the first Tab stop, shows a focus outline, and moves focus to the content.
  await page.goto(base + cases.note, { waitUntil: 'load' });
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => ({ skip: document.activeElement?.classList.contains('skip-link'), outline: getComputedStyle(document.activeElement).outlineStyle }));
  if (!first.skip) fail('the first Tab stop is not the skip link');
  if (first.outline === 'none') fail('the focused skip link shows no outline');
  await page.keyboard.press('Enter');
  if (!(await page.evaluate(() => document.activeElement?.id === 'content' || document.getElementById('content').contains(document.activeElement))))
    fail('the skip link did not move focus to the content');

  // The table of contents marks the section in view after scrolling.
  await page.goto(base + cases.note, { waitUntil: 'load' });
  const headings = await page.locator('[data-toc] a[href^="#"]').evaluateAll(as => as.map(a => decodeURIComponent(a.getAttribute('href').slice(1))));
  if (headings.length < 3) fail(`the TOC test needs a note with three headings (${cases.note} has ${headings.length})`);
  else {
    const id = headings[Math.floor(headings.length / 2)];
    await page.evaluate(i => document.getElementById(i).scrollIntoView({ block: 'start' }), id);
    await page.waitForTimeout(500);
    const expected = await page.evaluate(ids => ids.find(i => { const t = document.getElementById(i)?.getBoundingClientRect().top; return t !== undefined && t >= -1 && t < innerHeight * 0.3; }), headings);
    const current = await page.locator('[data-toc] a[aria-current]').evaluateAll(as => as.map(a => decodeURIComponent(a.getAttribute('href').slice(1))));
    if (current.length !== 1 || current[0] !== expected) fail(`after scrolling to #${expected} the TOC marks ${JSON.stringify(current)}`);
  }
} finally {
  await browser.close();
  server.close();
}
if (report.pageErrors.length) fail(`page errors: ${report.pageErrors.join(' | ')}`);
process.stdout.write(JSON.stringify(report));
process.exit(report.failures.length ? 1 : 0);
