// The event renderer shared by exporters, tracker pages and the live client: view model, tree, HTML and DOM.
export {
  createEventViewer,
  subagentBadge,
  type EventView,
  type EventViewer,
  type SpawningCall,
} from './event-view.js';
export {
  MAX_SHOWN_CHARS,
  exportEventTree,
  exportTime,
  lineCount,
  timelineEventTree,
  type TimelinePlace,
} from './event-html.js';
export {
  code,
  h,
  markdown,
  type CodeSlot,
  type MarkdownSlot,
  type RenderElement,
  type RenderNode,
} from './tree.js';
export { createHtmlWriter, toHtml, writeHtml, type HtmlSlots, type SerializeOptions } from './serialize.js';
