// Builds the embeddable widget into one self-contained script, widget/dist/widget.js (no framework, no chunks).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    lib: {
      entry: fileURLToPath(new URL('./src/widget.ts', import.meta.url)),
      formats: ['iife'],
      name: 'KefuWidgetBundle',
      fileName: () => 'widget.js',
    },
  },
});
