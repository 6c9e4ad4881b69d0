// A terminal QR code for a viewer URL: half-block characters, about 35 columns by 19 lines for a typical URL.
import qrcode from 'qrcode-terminal';

export function qrBlock(url: string): string {
  let out = '';
  qrcode.setErrorLevel('L');
  qrcode.generate(url, { small: true }, (s) => {
    out = s;
  });
  return out.replace(/\n+$/, '');
}

/** Width in columns of a QR block (every line has the same length). */
export function qrWidth(block: string): number {
  return Math.max(0, ...block.split('\n').map((l) => [...l].length));
}
