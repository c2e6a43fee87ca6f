// Builds dist/ once before the suites run, so every test reads the same freshly built dataset.
import { build } from '../src/cli/build.js';
import { buildConfig } from '../src/graph/config.js';

export default async function setup(): Promise<void> {
  await build(buildConfig({ ...process.env, BASE: undefined, DIST_DIR: undefined }));
}
