// Installs the pinned Claude Agent SDK for the SessionStore e2e scenario into .cache/agent-sdk/<version> (CI and
// fresh machines), without its optional 250 MB platform binary: the test runs it with the pinned claude.
// The logic lives in test/e2e/helpers/agent-sdk.ts (one source of truth); tsx loads it from here.
import { tsImport } from 'tsx/esm/api';

const { ensureAgentSdk, AGENT_SDK_VERSION } = await tsImport(
  '../test/e2e/helpers/agent-sdk.ts',
  import.meta.url,
);

const started = Date.now();
const sdk = await ensureAgentSdk({ log: (line) => console.log(line) });
if (!sdk.entry) {
  console.error(
    `provision-agent-sdk: @anthropic-ai/claude-agent-sdk ${AGENT_SDK_VERSION} unavailable: ${sdk.reason}`,
  );
  process.exit(1);
}
console.log(`provision-agent-sdk: ${sdk.dir} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
