// An Agent SDK SessionKey as the tracker names it: session id = sessionId, sub key = subpath ('' for the main file).
import { TranscriptSubKey } from '../core/api/transcript-entries.js';
import { BatonError } from '../core/errors.js';
import type { SessionKey } from './types.js';

export interface TrackerKey {
  projectKey: string;
  sessionId: string;
  subKey: string;
}

/** Throws BatonError('invalid_input') for a key the tracker could not store or the SDK calls invalid. */
export function trackerKeyOf(key: SessionKey): TrackerKey {
  if (typeof key?.projectKey !== 'string' || key.projectKey.length === 0 || key.projectKey.length > 500)
    throw new BatonError(
      'invalid_input',
      'session store: projectKey must be a string of 1 to 500 characters',
    );
  if (typeof key.sessionId !== 'string' || key.sessionId.length === 0 || key.sessionId.length > 200)
    throw new BatonError('invalid_input', 'session store: sessionId must be a string of 1 to 200 characters');
  if (key.subpath === undefined) return { projectKey: key.projectKey, sessionId: key.sessionId, subKey: '' };
  // '' would name the main file twice; the SDK itself calls it invalid ("omit the field for the main transcript").
  const sub = TranscriptSubKey.safeParse(key.subpath);
  if (key.subpath === '' || !sub.success)
    throw new BatonError(
      'invalid_input',
      `session store: subpath ${JSON.stringify(key.subpath)} is not a relative path of plain names`,
    );
  return { projectKey: key.projectKey, sessionId: key.sessionId, subKey: sub.data };
}

/** One string per file, for the queue's map. */
export const fileId = (k: TrackerKey): string => `${k.sessionId}\0${k.subKey}`;

export function sessionKeyOf(k: TrackerKey): SessionKey {
  return k.subKey === ''
    ? { projectKey: k.projectKey, sessionId: k.sessionId }
    : { projectKey: k.projectKey, sessionId: k.sessionId, subpath: k.subKey };
}
