// Public surface of the handoff document: model, context ids, render/parse, narrative reading.
export * from './document.js';
export * from './context-id.js';
export { renderDocument, renderBody } from './render.js';
export { parseDocument, isNotWritten } from './parse.js';
export { parseNarrative, narrativeSectionFor, type ParsedNarrative } from './narrative.js';
export { splitByHeadings, demoteHeadings, normalizeHeading } from './markdown.js';
