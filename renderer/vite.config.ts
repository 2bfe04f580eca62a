// Vite build of the renderer (root = renderer/, output dist/renderer) plus the vitest setup for test/renderer.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs: Electron loads the build from app://kiosk/, the host from its own origin.
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Never inline assets as data: URLs — the CSP (default-src 'self') would block them.
    assetsInlineLimit: 0,
  },
  // The renderer imports the typed contract from electron/ipc, outside Vite's root.
  server: { fs: { allow: [repoRoot] } },
  test: {
    root: repoRoot,
    environment: 'jsdom',
    include: ['test/renderer/**/*.test.{ts,tsx}'],
    setupFiles: ['test/renderer/setup.ts'],
  },
});
