// The tracker reads handoff frontmatter with core's tolerant reader: one fence rule for plugin and tracker.
export { parseFrontmatter, type ParsedDocument } from '../../src/core/handoff/frontmatter.js';
