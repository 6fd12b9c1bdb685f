import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server during `npm run dev:web`; override with API_URL=http://127.0.0.1:4000 when needed.
const server = process.env.API_URL ?? 'http://localhost:3000';
const proxy = { '/api': server, '/ical': server, '/open311': server, '/verify': server };

// One SPA: the staff console (/admin), the mobile H5 (/m), login and the public portal (/).
// Every page is a lazy chunk so the mobile and public pages never download antd.
export default defineConfig({
  root: '.',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // antd's Table/Form chunk is large by nature; it only loads inside /admin.
    chunkSizeWarningLimit: 900,
  },
  server: { proxy },
  preview: { proxy },
});
