'use strict';
// Builds lunr 2.3.9 indexes from the corpus files that the C# tests read too. Used by make-goldens.js and,
// at test time, by the differential test (`node lunr-build.js generic|site <corpus.json> <out-dir>`).
const fs = require('fs');
const path = require('path');

const repoRoot = path.resolve(__dirname, '../../../..');
const lunrPath = path.join(repoRoot, 'site-template/node_modules/lunr/lunr.js');
if (!fs.existsSync(lunrPath)) {
  console.error(`lunr is not installed: run "npm ci" in ${path.join(repoRoot, 'site-template')}`);
  process.exit(2);
}
const lunr = require(lunrPath);
if (lunr.version !== '2.3.9') {
  console.error(`expected lunr 2.3.9, found ${lunr.version}`);
  process.exit(2);
}

// Corpus strings are plain JSON strings, or {"u16":[...]} for strings that JSON readers reject (lone surrogates).
function decode(v) {
  if (v === null || v === undefined || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(decode);
  if (Array.isArray(v.u16)) return String.fromCharCode(...v.u16);
  throw new Error('bad corpus value ' + JSON.stringify(v));
}

// Index-time stemmer that leaves unstemmed fields alone (the titleRaw field of SEARCH.md §2.2).
const skippingStemmers = new Map();
function makeStemmerSkipping(unstemmed) {
  const label = 'stemmerSkipping_' + [...unstemmed].sort().join('_');
  if (skippingStemmers.has(label)) return skippingStemmers.get(label);
  const fn = function (token, i, tokens) {
    const fields = (token.metadata && token.metadata.fields) || [];
    if (fields.some((f) => unstemmed.has(f))) return token;
    return lunr.stemmer(token, i, tokens);
  };
  lunr.Pipeline.registerFunction(fn, label);
  skippingStemmers.set(label, fn);
  return fn;
}

/** corpus = {fields:[{name,boost,stemmed}], k1?, b?, docs:[{ref, boost?, values:{field: value}}]} */
function buildGeneric(corpus) {
  const unstemmed = new Set(corpus.fields.filter((f) => f.stemmed === false).map((f) => f.name));
  const idx = lunr(function () {
    this.ref('__ref');
    for (const f of corpus.fields) this.field(f.name, { boost: f.boost });
    if (corpus.k1 !== undefined) this.k1(corpus.k1);
    if (corpus.b !== undefined) this.b(corpus.b);
    if (unstemmed.size > 0) {
      this.pipeline.after(lunr.stemmer, makeStemmerSkipping(unstemmed));
      this.pipeline.remove(lunr.stemmer);
    }
    for (const d of corpus.docs) {
      const doc = { __ref: d.ref };
      for (const [k, v] of Object.entries(d.values)) doc[k] = decode(v);
      this.add(doc, d.boost === undefined ? undefined : { boost: d.boost });
    }
  });
  return JSON.stringify(idx);
}

// The SearchEmitter's field layout (SEARCH.md decision 2), restated independently of the C# code.
const siteFields = [
  { name: 'title', boost: 10 },
  { name: 'aliases', boost: 8 },
  { name: 'tags', boost: 5 },
  { name: 'headings', boost: 3 },
  { name: 'body', boost: 1 },
  { name: 'titleRaw', boost: 10, stemmed: false },
];

function firstWords(text, n) {
  const isSep = (c) => /[\s\-]/.test(c);
  let count = 0;
  let i = 0;
  let end = 0;
  while (i < text.length && count < n) {
    while (i < text.length && isSep(text[i])) i++;
    if (i >= text.length) break;
    while (i < text.length && !isSep(text[i])) i++;
    end = i;
    count++;
  }
  return text.slice(0, end);
}

/** notes = [{url,title,aliases,tags,headings,body,excerpt}] */
function siteToGeneric(notes, bodyWords) {
  return {
    fields: siteFields,
    docs: notes.map((n, i) => {
      const aliases = n.aliases.join(' ');
      return {
        ref: String(i),
        values: {
          title: n.title,
          aliases,
          tags: n.tags.join(' ').split('/').join(' '),
          headings: n.headings.join(' '),
          body: bodyWords === undefined || bodyWords === null ? n.body : firstWords(n.body, bodyWords),
          titleRaw: aliases.length === 0 ? n.title : n.title + ' ' + aliases,
        },
      };
    }),
  };
}

function siteDocuments(notes) {
  return JSON.stringify(notes.map((n) => ({ url: n.url, title: n.title, tags: n.tags, excerpt: n.excerpt })));
}

module.exports = { lunr, buildGeneric, siteToGeneric, siteDocuments };

if (require.main === module) {
  const [mode, input, outDir] = process.argv.slice(2);
  const corpus = JSON.parse(fs.readFileSync(input, 'utf8'));
  fs.mkdirSync(outDir, { recursive: true });
  if (mode === 'generic') {
    fs.writeFileSync(path.join(outDir, 'index.json'), buildGeneric(corpus));
  } else if (mode === 'site') {
    fs.writeFileSync(path.join(outDir, 'index.json'), buildGeneric(siteToGeneric(corpus.notes, corpus.bodyWords)));
    fs.writeFileSync(path.join(outDir, 'documents.json'), siteDocuments(corpus.notes));
  } else if (mode === 'stem') {
    const words = fs.readFileSync(input, 'utf8').split('\n').filter((w) => w.length > 0);
    const out = words.map((w) => w + '\t' + lunr.stemmer(new lunr.Token(w)).toString()).join('\n') + '\n';
    fs.writeFileSync(path.join(outDir, 'stems.tsv'), out);
  } else {
    console.error('usage: node lunr-build.js generic|site|stem <input> <out-dir>');
    process.exit(2);
  }
}
