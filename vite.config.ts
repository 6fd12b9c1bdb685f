import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The API server during `npm run dev:web`; override with API_URL=http://127.0.0.1:4000 when needed.
const server = process.env.API_URL ?? 'http://localhost:3000';
const proxy = { '/api': server, '/ical': server, '/open311': server, '/verify': server };

/**
 * Writes `.br` and `.gz` beside every text asset of the build (best compression: it is done once),
 * which the server sends to browsers that accept them (@fastify/static `preCompressed`). Files under
 * 1 KB, or that do not get smaller, are left alone.
 */
function precompress(): Plugin {
  let outDir = '';
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
  return {
    name: 'shijian-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!/\.(js|mjs|css|html|svg|json|txt|webmanifest)$/.test(file)) continue;
        const raw = readFileSync(file);
        if (raw.length < 1024) continue;
        const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
        const gz = gzipSync(raw, { level: 9 });
        if (br.length < raw.length) writeFileSync(`${file}.br`, br);
        if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

// One SPA: the staff console (/admin), the mobile H5 (/m), login and the public portal (/).
// Every page is a lazy chunk so the mobile and public pages never download antd.
export default defineConfig({
  root: '.',
  publicDir: 'public',
  plugins: [react(), precompress()],
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
