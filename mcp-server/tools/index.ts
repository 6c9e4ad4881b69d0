// Every tool the server offers, in the order tools/list shows them. Adding a tool here is what registers it.
import type { Tool } from '../define-tool.js';
import { exportSessionTool } from './export-session.js';
import { getSessionTool } from './get-session.js';
import { listSessionsTool } from './list-sessions.js';
import { getLiveStatusTool } from './live/get-live-status.js';
import { sendLiveNoteTool, setLiveStatusTool } from './live/live-note.js';
import { pauseLiveTool, resumeLiveTool } from './live/pause-live.js';
import { startLiveTool } from './live/start-live.js';
import { stopLiveTool } from './live/stop-live.js';
import { pushSessionTool } from './push-session.js';
import { resumeSessionTool } from './resume-session.js';

export const TOOLS: readonly Tool[] = [
  pushSessionTool,
  startLiveTool,
  sendLiveNoteTool,
  setLiveStatusTool,
  pauseLiveTool,
  resumeLiveTool,
  stopLiveTool,
  getLiveStatusTool,
  listSessionsTool,
  resumeSessionTool,
  getSessionTool,
  exportSessionTool,
];
