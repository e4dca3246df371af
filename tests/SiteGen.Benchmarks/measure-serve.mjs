// Rebuild latency of `sitegen serve`, as an open browser tab feels it. No dependencies beyond Node.js 18+.
// Usage: node measure-serve.mjs <sitegen.dll> <garden> [edits=20] [seed=1]
// Starts serve on a free loopback port, waits for the first build, connects to the live-reload endpoint as an SSE client,
// then appends one sentence to a random public note, one edit at a time, and measures from the write to
//   sse:  the "data: reload" event,   http: the note's page, served over HTTP, holding the new sentence,
// and collects the "Rebuilt in N ms" line serve prints for that rebuild. Each edit waits for the previous one to settle
// (both seen, then a quiet gap longer than the 200 ms debounce). Prints one JSON object on stdout; progress on stderr.
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

const [dll, garden, editsArg = '20', seedArg = '1'] = process.argv.slice(2);
if (!dll || !garden) { console.error('usage: node measure-serve.mjs <sitegen.dll> <garden> [edits] [seed]'); process.exit(2); }
const edits = Number(editsArg);
const content = path.join(garden, 'content');
const perEditTimeout = 180_000;
const quietGap = 600;
const log = m => process.stderr.write(`[measure-serve] ${m}\n`);
const now = () => performance.now();
const sleep = ms => new Promise(r => setTimeout(r, ms));

// A small seeded generator (mulberry32), so the same seed edits the same notes.
let state = [...String(seedArg)].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0, 1);
const random = () => { state = (state + 0x6D2B79F5) >>> 0; let t = state; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };

// The URL of a note as SiteGen makes it: each path segment lowercased, letters, digits and marks kept, other runs '-'.
const segment = s => s.normalize('NFC').split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean).join('-').toLowerCase();
const urlOf = rel => '/' + rel.replace(/\.md$/, '').split('/').map(segment).join('/') + '/';

function publicNotes() {
  const found = [];
  const walk = dir => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md') && entry.name !== 'index.md') {
        const head = readFileSync(full, 'utf8').split('\n---', 1)[0];
        if (/^publish: true$/m.test(head) && !/^(draft|permalink|slug):/m.test(head)) found.push({ file: full, url: urlOf(path.relative(content, full).split(path.sep).join('/')) });
      }
    }
  };
  walk(content);
  return found.sort((a, b) => (a.file < b.file ? -1 : 1));
}

function freePort() {
  return new Promise(resolve => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
}

function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, res => { let body = ''; res.setEncoding('utf8'); res.on('data', c => { body += c; }); res.on('end', () => resolve({ status: res.statusCode, body })); }).on('error', reject);
  });
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn('dotnet', [dll, 'serve', garden, '--port', String(port)], { env: { ...process.env, CI: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
const rebuilds = []; // { at, ms } for every "Rebuilt in N ms" line
let serving = false;
let firstBuildMs = null;
let pending = '';
server.stdout.setEncoding('utf8');
server.stdout.on('data', chunk => {
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop();
  for (const line of lines) {
    const rebuilt = /^Rebuilt in (\d+) ms/.exec(line);
    if (rebuilt) { if (serving) rebuilds.push({ at: now(), ms: Number(rebuilt[1]) }); else firstBuildMs = Number(rebuilt[1]); }
    if (line.startsWith('Serving ')) serving = true;
  }
});
server.stderr.resume(); // diagnostics of the generated garden (its planted broken links) are not of interest here
const stop = () => { if (server.exitCode === null) server.kill('SIGTERM'); };
process.on('exit', stop);

try {
  const started = now();
  while (!serving) {
    if (server.exitCode !== null) throw new Error(`serve exited with ${server.exitCode} before serving`);
    if (now() - started > 600_000) throw new Error('serve did not start within 10 minutes');
    await sleep(50);
  }
  const startupMs = now() - started;
  log(`serving at ${base} after ${Math.round(startupMs)} ms (first build ${firstBuildMs} ms)`);

  // The live-reload endpoint, read as a client would: every "data: reload" is timestamped on arrival.
  const reloads = [];
  await new Promise((resolve, reject) => {
    http.get(`${base}/__sitegen/reload`, res => {
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', chunk => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          // "reload" reloads every open page; {"pages":[...]} the pages named.
          const data = event.split('\n').filter(l => l.startsWith('data: ')).map(l => l.slice(6)).join('\n');
          if (data === 'reload') reloads.push({ t: now(), pages: null });
          else if (data.startsWith('{')) reloads.push({ t: now(), pages: JSON.parse(data).pages });
          if (event.startsWith(': connected')) resolve();
        }
      });
    }).on('error', reject);
  });

  const notes = publicNotes();
  const samples = [];
  let skipped = 0;
  for (let i = 0; samples.length < edits; i++) {
    if (i > edits * 3) throw new Error(`too many notes skipped (${skipped}): is the URL scheme still the one this script assumes?`);
    const note = notes[Math.floor(random() * notes.length)];
    const page = await get(base + note.url);
    if (page.status !== 200) { skipped++; log(`skipped ${note.url}: HTTP ${page.status}`); continue; }
    const token = `tendedmark${i}x${Math.floor(random() * 1e9)}`;
    const reloadsBefore = reloads.length;
    const rebuildsBefore = rebuilds.length;

    const written = now();
    appendFileSync(note.file, `\n\nA new sentence tended while serving, ${token}.\n`);
    const deadline = written + perEditTimeout;
    let httpMs = null;
    while (httpMs === null && now() < deadline) {
      const { status, body } = await get(base + note.url).catch(() => ({ status: 0, body: '' }));
      if (status === 200 && body.includes(token)) httpMs = now() - written;
      else await sleep(20);
    }
    const path = decodeURIComponent(new URL(note.url, base).pathname);
    const reaches = r => r.pages === null || r.pages.includes(path);
    while (!reloads.slice(reloadsBefore).some(reaches) && now() < deadline) await sleep(5);
    const reached = reloads.slice(reloadsBefore).find(reaches);
    if (httpMs === null || !reached) throw new Error(`edit ${i} of ${note.url}: nothing within ${perEditTimeout} ms`);
    const sseMs = reached.t - written;
    // Settle: the rebuild that follows a page shown ahead of it has finished, and then no further reload or rebuild
    // line for a while, so the next edit starts from an idle server.
    while (rebuilds.length === rebuildsBefore && now() < deadline) await sleep(20);
    let seen = [reloads.length, rebuilds.length];
    for (;;) {
      await sleep(quietGap);
      if (reloads.length === seen[0] && rebuilds.length === seen[1]) break;
      seen = [reloads.length, rebuilds.length];
    }
    const rebuild = rebuilds[rebuildsBefore];
    samples.push({ url: note.url, sseMs: Math.round(sseMs), httpMs: Math.round(httpMs), rebuildMs: rebuild?.ms ?? null, reloads: reloads.length - reloadsBefore, rebuilds: rebuilds.length - rebuildsBefore });
    log(`edit ${samples.length}/${edits} ${note.url}: sse ${Math.round(sseMs)} ms, http ${Math.round(httpMs)} ms, serve says ${rebuild?.ms ?? '?'} ms`);
  }

  const stats = values => {
    const v = values.filter(x => x !== null).sort((a, b) => a - b);
    if (!v.length) return null;
    // Nearest-rank percentiles; the median of an even count is the mean of the middle two.
    const rank = p => v[Math.min(v.length - 1, Math.ceil(p * v.length) - 1)];
    const median = v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    return { n: v.length, median, p90: rank(0.9), max: v[v.length - 1], min: v[0] };
  };
  const notesTotal = notes.length;
  process.stdout.write(JSON.stringify({
    garden, publicNotes: notesTotal, startupMs: Math.round(startupMs), firstBuildMs, skipped,
    sse: stats(samples.map(s => s.sseMs)), http: stats(samples.map(s => s.httpMs)), serveRebuild: stats(samples.map(s => s.rebuildMs)),
    extraReloads: samples.filter(s => s.reloads > 1).length, samples,
  }) + '\n');
} finally {
  stop();
}
