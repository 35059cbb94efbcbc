// Bundles the page's script, styles and fonts, and Monaco's editor worker, into the folder the jar serves
// (the bundle's target/classes/web, or the folder given as the first argument).
// The page has two scripts: app (the editor, its language server and the file tree) and panels (the flow
// diagram and the Simulator, Lab and Export panels), which the page loads once the editor shows a file; panels
// is a global object (cabinPanels) that app starts, and it marks itself for V8 to compile all of it at once off
// the page's main thread, as all of it runs when it loads.
// The page's scripts and styles get names with a hash of their content (app-HASH.js), so that the server can
// let browsers keep them for good: a browser that comes back neither downloads nor compiles them again.
// assets.json maps each plain name to its hashed one (the server puts the hashed names into index.html). Each
// output gets a gzip twin (NAME.gz) that the server sends to browsers that accept it.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = process.argv[2] ?? path.join(here, '..', 'target', 'classes', 'web');

// what an earlier build left (hashed names change with the content), not the page and styles Maven copies
fs.mkdirSync(outdir, { recursive: true });
for (const name of fs.readdirSync(outdir)) {
  if (/^(app|panels|editor\.worker|codicon)[-.]/.test(name) || name === 'assets.json') fs.rmSync(path.join(outdir, name));
}

const common = { bundle: true, format: 'iife', minify: true, sourcemap: false, target: 'es2022', outdir, logLevel: 'warning', metafile: true };
// the page's scripts, their styles and fonts: named by their content
const hashed = { ...common, entryNames: '[name]-[hash]', loader: { '.ttf': 'file' }, assetNames: '[name]-[hash]' };
const built = await Promise.all([
  esbuild.build({ ...hashed, entryPoints: { app: path.join(here, 'src', 'main.ts') } }),
  esbuild.build({ ...hashed, entryPoints: { panels: path.join(here, 'src', 'panels.ts') },
    globalName: 'cabinPanels', banner: { js: '//# allFunctionsCalledOnLoad' } }),
  // the worker keeps its plain name: Monaco asks for it by that name, and the server has browsers check it
  esbuild.build({ ...common, entryPoints: { 'editor.worker': 'monaco-editor/editor/editor.worker' } }),
]);

const assets = {};
for (const output of built.flatMap((result) => Object.keys(result.metafile.outputs))) {
  const name = path.basename(output);
  const plain = name.replace(/-[A-Z0-9]{8}(\.[a-z]+)$/, '$1');
  if (plain !== name) assets[plain] = name;
  const file = path.join(outdir, name);
  fs.writeFileSync(`${file}.gz`, gzipSync(fs.readFileSync(file), { level: constants.Z_BEST_COMPRESSION }));
}
fs.writeFileSync(path.join(outdir, 'assets.json'), JSON.stringify(assets, null, 1));
console.log(`cabin web: front end bundled into ${outdir}`);
