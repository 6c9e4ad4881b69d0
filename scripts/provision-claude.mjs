// Installs the pinned `claude` CLI for the e2e suite into .cache/claude-code/<version> (CI and fresh machines).
// The logic lives in test/e2e/helpers/claude-binary.ts (one source of truth); tsx loads it from here.
import { tsImport } from 'tsx/esm/api';

const { ensureClaudeBinary, CLAUDE_CODE_VERSION } = await tsImport(
  '../test/e2e/helpers/claude-binary.ts',
  import.meta.url,
);

const started = Date.now();
const claude = await ensureClaudeBinary({ log: (line) => console.log(line) });
if (!claude.path) {
  console.error(`provision-claude: claude ${CLAUDE_CODE_VERSION} unavailable: ${claude.reason}`);
  process.exit(1);
}
console.log(
  `provision-claude: ${claude.path} (${claude.version}) ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
