/*
 * provisioner/shell UnixReader: scripts are uploaded line by line through a
 * bufio.Scanner with ScanLines, which drops a "\r" before each "\n" and ends
 * every line, the last one included, with "\n".
 */

/** bufio.MaxScanTokenSize: the Scanner cannot hold a longer line with its newline. */
const MAX_TOKEN_SIZE = 64 * 1024;

export function toUnixLines(content: Buffer): Buffer {
  const lines: Buffer[] = [];
  let start = 0;
  while (start < content.length) {
    const newline = content.indexOf(0x0a, start);
    const end = newline === -1 ? content.length : newline;
    // The line's bytes and its newline must fit the Scanner's buffer (at EOF the line alone must leave room).
    if (end - start >= MAX_TOKEN_SIZE) throw new Error('bufio.Scanner: token too long');
    const line = content.subarray(start, end > start && content[end - 1] === 0x0d ? end - 1 : end);
    lines.push(line, NEWLINE);
    start = end + 1;
  }
  return Buffer.concat(lines);
}

const NEWLINE = Buffer.from('\n');
