// Measures, in headless Chromium, the time from opening the search (Ctrl+K) and typing a word to the first results,
// index download and parse included, on a cold page each run. Usage: node search-timing.mjs <site> <node_modules> <word> [runs]
import { serve, chromium } from './serve-and-run.mjs';

const [site, modules, word, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 5);
const { server, base } = await serve(site);
const browser = await chromium(modules);
const times = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base + '/', { waitUntil: 'load' });
    const started = Date.now();
    await page.keyboard.press('Control+K');
    await page.locator('[data-search-modal] [data-search-input]').fill(word);
    await page.locator('[data-search-modal] [data-search-results] a').first().waitFor({ timeout: 60000 });
    times.push(Date.now() - started);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
times.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ runs: times, medianMs: times[Math.floor(times.length / 2)] }) + '\n');
