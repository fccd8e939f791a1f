// Build and dev-server settings of the agent console (web/): React, the @shared contract alias and the API and
// Socket.IO proxy.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = 'http://127.0.0.1:3000';

/** Libraries that change rarely get their own long-cached chunks, apart from the app code. */
const vendorChunks: ReadonlyArray<{ name: string; test: RegExp }> = [
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/,
  },
  { name: 'vendor-icons', test: /node_modules[\\/]@ant-design[\\/]icons/ },
  { name: 'vendor-antd', test: /node_modules[\\/]antd[\\/]/ },
  {
    name: 'vendor-antd-base',
    test: /node_modules[\\/](@ant-design|@rc-component|rc-[^\\/]+|dayjs|@babel)[\\/]/,
  },
  {
    name: 'vendor-i18n',
    test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
  },
  { name: 'vendor-zod', test: /node_modules[\\/]zod[\\/]/ },
  { name: 'vendor', test: /node_modules[\\/]/ },
];

export default defineConfig({
  root: webRoot,
  publicDir: 'public',
  plugins: [react()],
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('../src/shared', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // antd's component chunk passed 500 kB with the workspace's tables, pickers and tabs; splitting antd itself
    // further breaks its module evaluation order (its index re-exports every component), so the line moves.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Each group takes only the modules it names, so antd and its rc-component base stay two chunks
          // (each under the 500 kB warning line) instead of one chunk with every dependency pulled in.
          includeDependenciesRecursively: false,
          groups: vendorChunks.map((chunk, index) => ({
            name: chunk.name,
            test: chunk.test,
            priority: vendorChunks.length - index,
          })),
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/openapi.json': apiTarget,
      '/docs': apiTarget,
      '/healthz': apiTarget,
      // The staff socket (/agent namespace): long-polling and the WebSocket upgrade.
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
});
