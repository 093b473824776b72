#!/usr/bin/env node
// reformkg cypher-lint: checks Cypher with Neo4j's own parser (@neo4j-cypher/language-support,
// lintCypherQuery) and exits non-zero on any error.
//
// Usage: node lint.mjs [--portable] [--json] [--verbose] PATH...
//   PATH  a .cypher file, a folder (every *.cypher below it), a .json file holding an array of
//         strings or of {"name": ..., "query": ...} objects, or "-" for such JSON on stdin.
//   --portable  also refuse functions and procedures that plain Neo4j 5 does not ship
//               (APOC, GDS, FalkorDB's db.idx.*): the analysts' saved queries must run on both
//               engines, so they may only use built-ins.
//   --json      print one JSON report instead of text lines.
//   --verbose   print warnings (e.g. cartesian products) too; they never fail the run.
// Parameters are never "defined" for a linter, so "Parameter $x is not defined" is ignored.
// Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable input.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { lintCypherQuery, isNotParamError, testData } from '@neo4j-cypher/language-support';

const ERROR = 1; // vscode DiagnosticSeverity.Error
const WARNING = 2;

function usage(msg) {
  if (msg) console.error(`cypher-lint: ${msg}`);
  console.error('usage: node lint.mjs [--portable] [--json] [--verbose] PATH...');
  process.exit(2);
}

// Neo4j 5 built-in functions and procedures, without plugins: the package's own schema
// snapshot, with APOC and GDS removed.
function portableSchema() {
  const keep = (table) => {
    const out = {};
    for (const [version, entries] of Object.entries(table)) {
      out[version] = Object.fromEntries(
        Object.entries(entries).filter(([name]) => !/^(apoc|gds)\./.test(name)),
      );
    }
    return out;
  };
  return { functions: keep(testData.mockSchema.functions), procedures: keep(testData.mockSchema.procedures) };
}

function cypherFiles(path) {
  const st = statSync(path);
  if (st.isFile()) return [path];
  const out = [];
  for (const entry of readdirSync(path).sort()) {
    const full = join(path, entry);
    if (statSync(full).isDirectory()) out.push(...cypherFiles(full));
    else if (extname(entry) === '.cypher') out.push(full);
  }
  return out;
}

function fromJson(text, origin) {
  const data = JSON.parse(text);
  if (!Array.isArray(data)) throw new Error(`${origin}: expected a JSON array`);
  return data.map((item, i) =>
    typeof item === 'string'
      ? { name: `${origin}#${i}`, query: item }
      : { name: item.name ?? `${origin}#${i}`, query: String(item.query) },
  );
}

function collect(paths) {
  const items = [];
  for (const p of paths) {
    if (p === '-') items.push(...fromJson(readFileSync(0, 'utf8'), '<stdin>'));
    else if (extname(p) === '.json') items.push(...fromJson(readFileSync(p, 'utf8'), p));
    else for (const f of cypherFiles(p)) items.push({ name: f, query: readFileSync(f, 'utf8') });
  }
  return items;
}

function main(argv) {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const paths = argv.filter((a) => !a.startsWith('--'));
  for (const f of flags) if (!['--portable', '--json', '--verbose', '--help'].includes(f)) usage(`unknown option ${f}`);
  if (flags.has('--help')) usage();
  if (paths.length === 0) usage('no input');
  let items;
  try {
    items = collect(paths);
  } catch (err) {
    console.error(`cypher-lint: ${err.message}`);
    process.exit(2);
  }
  const schema = flags.has('--portable') ? portableSchema() : {};
  const report = [];
  let errors = 0;
  for (const { name, query } of items) {
    if (!query.trim()) continue;
    const { diagnostics } = lintCypherQuery(query, schema);
    const kept = diagnostics
      .filter(isNotParamError)
      .filter((d) => d.severity === ERROR || (flags.has('--verbose') && d.severity === WARNING))
      .map((d) => ({
        severity: d.severity === ERROR ? 'error' : 'warning',
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        message: d.message,
      }));
    errors += kept.filter((d) => d.severity === 'error').length;
    report.push({ name, diagnostics: kept });
  }
  if (flags.has('--json')) {
    console.log(JSON.stringify({ checked: report.length, errors, results: report }, null, 1));
  } else {
    for (const { name, diagnostics } of report)
      for (const d of diagnostics) console.log(`${name}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
    console.log(`cypher-lint: ${report.length} statement(s) checked, ${errors} error(s)`);
  }
  process.exit(errors > 0 ? 1 : 0);
}

main(process.argv.slice(2));
