// The Hono environment shared by the tracker's middleware and routes.
import type { Caller } from '../services/service-deps.js';

export interface AppEnv {
  Variables: {
    caller: Caller;
    requestId: string;
  };
}
