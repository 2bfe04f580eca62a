// Builds the sandboxed preload into one CommonJS file: a sandboxed preload can neither load ESM nor other local files.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  // Keeps Vite from picking up the renderer's .env files or settings for this separate build.
  envDir: false,
  build: {
    outDir: 'dist/preload',
    emptyOutDir: true,
    // Electron 41 ships Chromium 146; no down-levelling needed.
    target: 'es2023',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    lib: {
      entry: fileURLToPath(new URL('./index.ts', import.meta.url)),
      formats: ['cjs'],
      fileName: () => 'index.cjs',
    },
    rolldownOptions: {
      // Provided by Electron at runtime; the only module a sandboxed preload may require besides a few builtins.
      external: ['electron'],
    },
  },
});
