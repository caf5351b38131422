import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: built into dist/renderer, served by Electron's app:// protocol or, in dev, by Vite. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
});
