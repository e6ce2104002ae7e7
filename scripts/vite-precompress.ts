// Vite build plugin: writes a gzip (.gz) and a brotli (.br) copy beside each compressible output
// file, so koryu's static file server (@fastify/static with preCompressed) sends the smaller one the
// browser accepts without compressing per request. node:zlib only, no extra package.
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Text formats worth compressing (woff2, png and the like are compressed already). */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|xml|woff)$/;
const MIN_BYTES = 1024;

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'koryu-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => COMPRESSIBLE.test(f));
      // index.html and files copied from public/ are not in the bundle of every Vite version: add them.
      for (const extra of ['index.html']) if (!files.includes(extra)) files.push(extra);
      await Promise.all(
        files.map(async (rel) => {
          const file = path.join(outDir, rel);
          let bytes: Buffer;
          try {
            bytes = await fs.readFile(file);
          } catch {
            return;
          }
          if (bytes.length < MIN_BYTES) return;
          const [gz, br] = await Promise.all([
            gzip(bytes, { level: 9 }),
            brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
          ]);
          // A compressed copy that is not smaller is not worth a Content-Encoding.
          if (gz.length < bytes.length) await fs.writeFile(`${file}.gz`, gz);
          if (br.length < bytes.length) await fs.writeFile(`${file}.br`, br);
        }),
      );
    },
  };
}
