// Session exporters (Markdown, JSON, self-contained HTML, plain text): the public surface of src/core/export.
export { createExporter } from './create-exporter.js';
export { renderSession, type RenderOptions } from './render-session.js';
export {
  EXPORT_FORMATS,
  formatExtension,
  type ExportEventContext,
  type ExportExtra,
  type ExportFormat,
  type Exporter,
  type ExporterOptions,
  type SidechainInfo,
  type TurnInfo,
} from './types.js';
