'use strict';
// Regenerates the search golden files with real lunr 2.3.9. Run on purpose only:
//   cd site-template && npm ci && node ../tests/SiteGen.Tests/Search/golden/make-goldens.js
// Every corpus is written next to its expected output, and the C# tests read the same corpus files.
const fs = require('fs');
const path = require('path');
const { lunr, buildGeneric, siteToGeneric, siteDocuments } = require('./lunr-build.js');

const out = __dirname;
const write = (name, text) => fs.writeFileSync(path.join(out, name), text);
const writeJson = (name, value) => write(name, JSON.stringify(value, null, 1) + '\n');

// Seeded PRNG (mulberry32), so the corpora are the same on every run.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, list) => list[Math.floor(r() * list.length)];
const between = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));

// (a) SEARCH.md §1.7 worked example.
const worked = {
  fields: [{ name: 'title', boost: 10 }, { name: 'body', boost: 1 }],
  docs: [
    { ref: '0', values: { title: 'Garden notes', body: 'garden garden path' } },
    { ref: '1', values: { title: 'Other', body: 'a garden' } },
  ],
};

// (b) Edge corpus: separators, trimming, stop words, arrays, refs in JS key order, boosts, stemmer corners.
const seps = '\t\n\u000b\u000c\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff-';
const notSeps = '\u0085\u2010\u2013\u2212\u200b\u180e\u0000\u001f';
const sepBody = [...seps].map((c, i) => `s${i}a${c}s${i}b`).join(' ') + ' ' + [...notSeps].map((c, i) => `n${i}a${c}n${i}b`).join(' ');
const stemmerCorners = 'running runner happy happiness happily generalizations oscillators hopping filing failing caresses ponies ties '
  + 'agreed feed bled sized falling hissing fizzed relational conditional rational digitizer conformabli radicalli '
  + 'vietnamization decisiveness hopefulness formaliti sensibiliti triplicate formative electrical goodness allowance '
  + 'adoption controll roll probate rate cease generate succeed skies dying lying yelling syzygy rhythm queue knightly '
  + 'abilities ies sses eed say key day sky cry try why dry by dy archaeologi yyy yy ys yes yies yied yying y\'s';
const edge = {
  k1: 1.5,
  b: 1.5,
  fields: [
    { name: 'title', boost: 10 },
    { name: 'body' },
    { name: 'tags', boost: 5 },
    { name: 'raw', boost: 2, stemmed: false },
  ],
  docs: [
    { ref: '10', values: {
      title: 'C++ and .NET: the Café\'s naïve über-guide',
      body: sepBody + ' --leading trailing-- a--b -- - x',
      tags: ['Machine Learning', null, 'C#', '  Spaced  ', 'UPPER'],
      raw: 'Running Happiness node.js C++' } },
    { ref: '2', boost: 2, values: { title: 'Running runners ran', body: stemmerCorners, tags: ['running'], raw: stemmerCorners } },
    { ref: 'b', values: {
      title: null,
      body: '— ... & 日本語 — «quoted» \'single\' "double" <tag> &amp; İstanbul İİ ΣΟΦΟΣ x\u0001y back\\slash tab\\t 😀 smile 😀x x😀 é e\u0301 ﬁle',
      raw: '— ... & 日本語' } },
    { ref: '01', boost: 0.5, values: {
      title: 'the a an',
      body: '42 3.14 1990s 1e21 0x1f node.js http://x.y/z foo.bar() __init__ fox\'s its news gas this constructor __proto__ toString hasOwnProperty valueOf',
      tags: ['42', '3.14', 'true'] } },
    { ref: '4294967295', values: {
      title: 'Garden garden GARDEN',
      body: 'garden '.repeat(40) + 'pneumonoultramicroscopicsilicovolcanoconiosis ' + 'abcdefghij'.repeat(30) + 'ational',
      tags: ['garden'] } },
    { ref: '4294967294', values: { title: 'Title with / slash', body: '' , tags: [] } },
    { ref: '0', values: { title: 'Duplicates across fields', body: 'duplicates fields title duplicates', tags: ['duplicates'], raw: 'duplicates' } },
    { ref: 'with/slash', boost: 3, values: {
      title: 'ref with slash',
      body: { u16: [0x6c, 0x6f, 0x6e, 0x65, 0xd800, 0x20, 0xdc00, 0x78, 0x20, 0x61, 0xdbff, 0xdfff, 0x62] },
      tags: ['ab\ncdings', 'x\u2028yies', 'abc\ry', 'ra\u2029tional', 'line\nfeeds', 'q\u0085ing', { u16: [0x61, 0xdc00, 0x62] }] } },
    { ref: '7', values: { body: 'only body; other fields are missing, not null' } },
    { ref: '3', values: { title: '', body: '   ', tags: [''], raw: '' } },
  ],
};

// (c) 200 synthetic notes in the SearchDocument shape. Words mix common English, suffix-heavy derivations,
// pseudo-words, code-like tokens, numbers and some non-ASCII words.
const base = ('garden note link graph tend grow seed plant root branch leaf compost soil water light path walk read write '
  + 'think idea connect relate nation condition rate hope form elect allow adopt control general oscillate happy run '
  + 'fail file hop size fall hiss agree feed cease succeed sky dye lie yell rhythm queue knight able sense formal '
  + 'decide triple digit conform radical vietnam good probe static site build render template search index query '
  + 'stem token field boost score vector term document publish private draft tag folder alias heading body excerpt '
  + 'markdown wiki embed callout comment highlight block feed atom sitemap robot canonical theme layout asset').split(' ');
const suffixes = ['', '', '', 's', 'es', 'ed', 'ing', 'er', 'ers', 'ly', 'ness', 'ful', 'fulness', 'ation', 'ations', 'ational',
  'ize', 'izer', 'ization', 'ism', 'ist', 'ive', 'iveness', 'ment', 'ments', 'ence', 'ance', 'able', 'ible', 'al', 'ally',
  'ality', 'ous', 'ousness', 'ic', 'ical', 'icate', 'ative', 'ion', 'y', 'ies', 'ied', 'ement', 'ant', 'ent', 'ator'];
const extras = ['node.js', 'foo.bar()', 'C++', '.NET', 'café', 'naïve', 'über', '日本語', 'e-mail', 'x86_64', '1990s', '42',
  '3.14', 'http://example.com/a/b', 'fox\'s', 'don\'t', 'it\'s', '—', '...', '&', '#tag', '@user', 'İstanbul', 'ÆON'];
const stop = ['the', 'a', 'of', 'and', 'to', 'in', 'is', 'it', 'that', 'with', 'for', 'on', 'as', 'this', 'by', 'not', 'you'];

function makeNotes(seed, count) {
  const r = rng(seed);
  const syll = ['ka', 'ri', 'mo', 'len', 'tur', 'ax', 'vy', 'qu', 'zo', 'ph', 'ing', 'ly', 'ess', 'ion'];
  const pseudo = () => Array.from({ length: between(r, 1, 4) }, () => pick(r, syll)).join('');
  const word = () => {
    const x = r();
    if (x < 0.3) return pick(r, stop);
    if (x < 0.8) return pick(r, base) + pick(r, suffixes);
    if (x < 0.93) return pseudo();
    return pick(r, extras);
  };
  const cap = (w) => w.charAt(0).toUpperCase() + w.slice(1);
  const sentence = () => {
    const words = Array.from({ length: between(r, 4, 14) }, word);
    words[0] = cap(words[0]);
    return words.join(' ') + pick(r, ['.', '.', '.', '?', '!', ';', ' —', ',']);
  };
  const notes = [];
  for (let i = 0; i < count; i++) {
    const title = Array.from({ length: between(r, 1, 6) }, () => cap(word())).join(' ');
    const aliases = r() < 0.3 ? Array.from({ length: between(r, 1, 2) }, () => cap(word()) + ' ' + word()) : [];
    const tags = Array.from({ length: between(r, 0, 4) }, () => {
      const t = pick(r, base);
      const y = r();
      return y < 0.2 ? t + '/' + pick(r, base) : y < 0.3 ? t + '-' + pick(r, base) : t;
    });
    const headings = Array.from({ length: between(r, 0, 5) }, () => Array.from({ length: between(r, 1, 4) }, () => cap(word())).join(' '));
    const paragraphs = Array.from({ length: between(r, 1, 6) }, () => Array.from({ length: between(r, 1, 5) }, sentence).join(' '));
    const body = paragraphs.join('\n\n');
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'note';
    notes.push({ url: `/notes/${slug}-${i}/`, title, aliases, tags, headings, body, excerpt: body.slice(0, 160) });
  }
  return notes;
}

const notes200 = makeNotes(200, 200);

// Stemmer list: every word of the 200-note corpus, the suffix combinations, and seeded random strings over a
// small alphabet that stresses the measure, y handling, doubled consonants and digits or punctuation.
function stemWords() {
  const set = new Set();
  for (const n of notes200) {
    for (const t of (n.title + ' ' + n.body + ' ' + n.headings.join(' ') + ' ' + n.aliases.join(' ')).toLowerCase().split(/[\s\-]+/)) {
      if (t) set.add(t.replace(/^\W+/, '').replace(/\W+$/, ''));
    }
  }
  for (const b of base) for (const s of suffixes) for (const s2 of ['', 's', 'ed', 'ing', 'ly']) set.add(b + s + s2);
  const step = ['ational', 'tional', 'enci', 'anci', 'izer', 'bli', 'alli', 'entli', 'eli', 'ousli', 'ization', 'ation',
    'ator', 'alism', 'iveness', 'fulness', 'ousness', 'aliti', 'iviti', 'biliti', 'logi', 'icate', 'ative', 'alize',
    'iciti', 'ical', 'ful', 'ness', 'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ou',
    'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'sion', 'tion', 'ion', 'e', 'll', 'eed', 'ed', 'ing', 'sses', 'ies', 's', 'y'];
  const r = rng(7);
  const alphabet = 'aeiouyyybcdlmnrsttlzwx0\'._';
  for (let i = 0; set.size < 45000 && i < 200000; i++) {
    let s = Array.from({ length: between(r, 0, 6) }, () => pick(r, alphabet)).join('');
    for (let k = between(r, 0, 2); k > 0; k--) s += pick(r, step);
    if (s.length > 0) set.add(s);
  }
  // Every string of length 1-3 over a tiny alphabet.
  const tiny = 'aeysdl';
  for (const a of tiny) { set.add(a); for (const b of tiny) { set.add(a + b); for (const c of tiny) set.add(a + b + c); } }
  set.delete('');
  return [...set].sort();
}

writeJson('worked.corpus.json', worked);
write('worked.index.json', buildGeneric(worked));
writeJson('edge.corpus.json', edge);
write('edge.index.json', buildGeneric(edge));
writeJson('notes200.corpus.json', { notes: notes200 });
write('notes200.index.json', buildGeneric(siteToGeneric(notes200)));
write('notes200.documents.json', siteDocuments(notes200));
write('notes200-body50.index.json', buildGeneric(siteToGeneric(notes200, 50)));
const words = stemWords();
write('stems.tsv', words.map((w) => w + '\t' + lunr.stemmer(new lunr.Token(w)).toString()).join('\n') + '\n');
console.log(`wrote goldens: ${words.length} stemmer words`);
