// `npm start`: compiles the server (src/cli/serve.ts and the query workers) with esbuild into a
// folder of .build/server/ named by a digest of its sources (once per change of the sources), then runs it.
// Plain JavaScript on purpose: it runs before any TypeScript is compiled. Running compiled code
// rather than TypeScript through tsx saves the loader in the main thread and in every query worker
// (each worker also starts again after a timeout): see README, "Performance".
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the builds go: one folder per digest of the sources (SERVER_BUILD_DIR moves it, for tests). */
const BUILDS = process.env.SERVER_BUILD_DIR ? path.resolve(process.env.SERVER_BUILD_DIR) : path.join(ROOT, '.build', 'server');
/** How many builds are kept: the newest by last start, so a server still running an older one can restart its workers. */
const KEEP = 3;

/** Every file the compiled server depends on, relative to ROOT, sorted. */
function inputs() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) files.push(rel);
    }
  };
  walk('src');
  return [...files.sort(), 'package-lock.json', 'tsconfig.json'];
}

/**
 * A digest of the inputs' paths, sizes and modification times: the compiled server is rebuilt
 * when it changes. (Stat only, not contents: about 5 ms instead of 50 ms at every start, and any
 * edit, checkout or stash touches the time.)
 */
function digest() {
  const hash = createHash('sha256');
  for (const file of inputs()) {
    const { size, mtimeMs } = statSync(path.join(ROOT, file));
    hash.update(`${file}\t${size}\t${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/**
 * Compiles the server's entry points into the folder `out`: code shared by them goes into chunks
 * beside them (so `new URL('./oxigraph-worker.mjs', import.meta.url)` in any chunk finds the
 * worker), packages stay imports from node_modules, and lazily imported modules stay lazy.
 * The build is written beside `out` and renamed to it whole, so no server ever sees half a build;
 * several starts at once each build, the first rename wins, and the others use its build.
 */
async function compile(out) {
  const esbuild = await import('esbuild');
  const next = `${out}.${process.pid}.tmp`;
  rmSync(next, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: {
      serve: 'src/cli/serve.ts',
      'oxigraph-worker': 'src/engine/oxigraph-worker.ts',
      'comunica-worker': 'src/engine/comunica-worker.ts',
    },
    outdir: next,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  try {
    renameSync(next, out);
  } catch (e) {
    rmSync(next, { recursive: true, force: true });
    if (!existsSync(path.join(out, 'serve.mjs'))) throw e;
  }
}

/**
 * Removes what is not one of the KEEP builds started last: older builds, half-written builds an
 * hour old, and the files of the flat layout used before (.build/server/serve.mjs …). Only names
 * this script writes are touched.
 */
function prune(current) {
  const builds = [];
  for (const entry of readdirSync(BUILDS, { withFileTypes: true })) {
    const full = path.join(BUILDS, entry.name);
    try {
      if (entry.isDirectory() && /^[0-9a-f]{16}$/.test(entry.name)) {
        if (full !== current) builds.push({ full, mtimeMs: statSync(full).mtimeMs });
      } else if (entry.isDirectory() && /^[0-9a-f]{16}\.\d+\.tmp$/.test(entry.name)) {
        if (Date.now() - statSync(full).mtimeMs > 3_600_000) rmSync(full, { recursive: true, force: true });
      } else if (entry.isFile() && /(\.mjs|\.mjs\.map|^sources\.sha256)$/.test(entry.name)) {
        rmSync(full, { force: true });
      }
    } catch {
      // Removed by another start meanwhile.
    }
  }
  builds.sort((x, y) => y.mtimeMs - x.mtimeMs);
  for (const { full } of builds.slice(KEEP - 1)) rmSync(full, { recursive: true, force: true });
}

const OUT = path.join(BUILDS, digest().slice(0, 16));
if (!existsSync(path.join(OUT, 'serve.mjs'))) {
  const started = performance.now();
  await compile(OUT);
  console.log(`compiled the server to ${path.relative(ROOT, OUT)}/ in ${Math.round(performance.now() - started)} ms`);
}
// Marks this build as started last, then drops the oldest (best effort: a read-only checkout still starts).
try {
  const now = new Date();
  utimesSync(OUT, now, now);
  prune(OUT);
} catch (e) {
  console.warn(`could not tidy ${path.relative(ROOT, BUILDS)}/: ${e instanceof Error ? e.message : e}`);
}
// `--compile-only` stops here (the bench compiles before it times start-ups).
if (!process.argv.includes('--compile-only')) {
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(path.join(OUT, 'serve.mjs')).href);
}
