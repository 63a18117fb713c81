import { InputError } from '@backstage/errors';
import { Transform, TransformCallback } from 'node:stream';

/** Largest pkt-line that git sends or accepts, header included (LARGE_PACKET_MAX in git's pkt-line.h). */
const MAX_PKT_LINE_LENGTH = 65520;

/** Returns the 400 for a git-upload-pack request body that git could not parse. */
export function invalidUploadPackRequest(reason: string): InputError {
  return new InputError(`Invalid git-upload-pack request: ${reason}`);
}

/** Quotes at most 40 characters of client bytes for an error message. */
function quote(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);
}

/**
 * Passes a git-upload-pack request body (protocol version 0) through in whole
 * pkt-lines. It fails with an InputError at the first bytes that cannot belong
 * to one. Those are a length header that is not four hex digits, a length
 * outside 4 to 65520 other than the flush packet `0000`, a first packet that
 * is not a `want` line, a body that ends inside a packet, and an empty body.
 *
 * Only validated packets reach git, so a malformed body is rejected here
 * instead of surfacing as a git failure.
 */
export class UploadPackRequestValidator extends Transform {
  #pending: Buffer = Buffer.alloc(0);
  #packetCount = 0;

  _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.#pending = Buffer.concat([this.#pending, chunk]);
    callback(this.#forwardWholePackets());
  }

  _flush(callback: TransformCallback) {
    if (this.#pending.length > 0) {
      callback(
        invalidUploadPackRequest(
          `the body ends inside a pkt-line, ${this.#pending.length} bytes after the last whole one`,
        ),
      );
      return;
    }
    if (this.#packetCount === 0) {
      callback(
        invalidUploadPackRequest(
          "the body is empty; send pkt-lines starting with 'want <object id>'",
        ),
      );
      return;
    }
    callback();
  }

  #forwardWholePackets(): InputError | undefined {
    let offset = 0;

    while (this.#pending.length - offset >= 4) {
      const header = this.#pending.subarray(offset, offset + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(header.toString('latin1'))) {
        return invalidUploadPackRequest(
          `expected a pkt-line length of four hex digits, got ${quote(header)}`,
        );
      }

      const length = parseInt(header.toString('latin1'), 16);
      if (length !== 0 && (length < 4 || length > MAX_PKT_LINE_LENGTH)) {
        return invalidUploadPackRequest(
          `pkt-line length ${quote(header)} is outside 0004 to fff0 and is not the flush packet 0000`,
        );
      }

      // The flush packet is its header alone.
      const size = length === 0 ? 4 : length;
      if (this.#pending.length - offset < size) {
        break;
      }

      const packet = this.#pending.subarray(offset, offset + size);
      const payload = packet.subarray(4);
      if (this.#packetCount === 0 && !payload.toString('latin1').startsWith('want ')) {
        return invalidUploadPackRequest(
          `the first pkt-line must be 'want <object id>', got ${length === 0 ? 'the flush packet 0000' : quote(payload)}`,
        );
      }

      this.push(packet);
      this.#packetCount += 1;
      offset += size;
    }

    this.#pending = this.#pending.subarray(offset);
    return undefined;
  }
}
