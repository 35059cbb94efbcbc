// Bundles the page's script, styles and fonts, and Monaco's editor worker, into the folder the jar serves
// (the bundle's target/classes/web, or the folder given as the first argument).
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = process.argv[2] ?? path.join(here, '..', 'target', 'classes', 'web');

await esbuild.build({
  entryPoints: {
    app: path.join(here, 'src', 'main.ts'),
    'editor.worker': 'monaco-editor/editor/editor.worker',
  },
  bundle: true,
  format: 'iife',
  minify: true,
  sourcemap: false,
  target: 'es2022',
  outdir,
  loader: { '.ttf': 'file' },
  assetNames: '[name]',
  logLevel: 'warning',
});
console.log(`cabin web: front end bundled into ${outdir}`);
