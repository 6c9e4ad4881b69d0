// Reads the complete lines appended to a file since a byte offset (a line still being written is left for later).
import { open } from 'node:fs/promises';

export interface NewLines {
  lines: string[];
  /** Offset just past the last complete line: where the next read starts. */
  nextByte: number;
  /** The file is shorter than the offset (replaced or truncated): the caller restarts from 0. */
  shrunk: boolean;
}

const CHUNK = 1024 * 1024;

/**
 * `skip(prefix)` may reject a line from its first bytes without decoding it (the outbox's big transcript copies).
 * A missing file reads as nothing new.
 */
export async function readNewLines(
  path: string,
  fromByte: number,
  opts: { skip?: (head: string) => boolean; maxBytes?: number } = {},
): Promise<NewLines> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      return { lines: [], nextByte: fromByte, shrunk: false };
    throw err;
  }
  try {
    const size = (await fh.stat()).size;
    if (size < fromByte) return { lines: [], nextByte: 0, shrunk: true };
    const end = Math.min(size, fromByte + (opts.maxBytes ?? 64 * 1024 * 1024));
    const lines: string[] = [];
    let pos = fromByte;
    let lineStart = fromByte;
    let carry: Buffer[] = [];
    const buf = Buffer.allocUnsafe(CHUNK);
    while (pos < end) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(CHUNK, end - pos), pos);
      if (bytesRead === 0) break;
      let from = 0;
      for (let i = buf.indexOf(10, 0); i >= 0 && i < bytesRead; i = buf.indexOf(10, from)) {
        const piece = carry.length ? Buffer.concat([...carry, buf.subarray(from, i)]) : buf.subarray(from, i);
        carry = [];
        from = i + 1;
        lineStart = pos + from;
        const head = piece.subarray(0, 512).toString('utf8');
        if (piece.length > 0 && !(opts.skip?.(head) ?? false)) lines.push(piece.toString('utf8'));
      }
      if (from < bytesRead) carry.push(Buffer.from(buf.subarray(from, bytesRead)));
      pos += bytesRead;
    }
    return { lines, nextByte: lineStart, shrunk: false };
  } finally {
    await fh.close();
  }
}
