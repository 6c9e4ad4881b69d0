// Session exporters (Markdown, JSON, self-contained HTML, plain text; PDF and Word in ./documents): the public
// surface of src/core/export.
export { createExporter } from './create-exporter.js';
export {
  commentThreads,
  countComments,
  type EventComments,
  type ExportComment,
  type ExportCommentThread,
  type ExportReaction,
} from './comments.js';
export { feedSession, renderSession, type RenderOptions } from './render-session.js';
export {
  DOCUMENT_FORMATS,
  EXPORT_FORMATS,
  TEXT_FORMATS,
  isDocumentFormat,
  type DocumentFormat,
  type TextFormat,
  formatExtension,
  type ExportEventContext,
  type ExportExtra,
  type ExportFormat,
  type Exporter,
  type ExporterOptions,
  type SidechainInfo,
  type TurnInfo,
} from './types.js';
