// `npm run release:keep`: builds dist/ and keeps the release it holds in data/releases/<version>/ (see README, "Releases").
import path from 'node:path';
import { buildConfig, ROOT } from '../graph/config.js';
import { keepRelease, RELEASES_DIR } from '../graph/releases.js';
import { build } from './build.js';

if (import.meta.url === `file://${process.argv[1]}`) {
  const cfg = buildConfig();
  build(cfg)
    .then(({ manifest }) => {
      const done = keepRelease(cfg.distDir, RELEASES_DIR);
      const where = path.relative(ROOT, path.join(RELEASES_DIR, manifest.version));
      console.log(done === 'kept' ? `kept release ${manifest.version} in ${where}` : `release ${manifest.version} is already kept in ${where}, with the same data`);
    })
    .catch((e: Error) => {
      console.error(`release:keep failed: ${e.message}`);
      process.exit(1);
    });
}
