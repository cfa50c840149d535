/*
 * The gob stream packer-plugin-sdk's CommunicatorServer.Start writes on a
 * command's response stream: a fresh gob.Encoder encoding one
 * `CommandFinished{ExitStatus int}`, so the type definition comes first, then
 * the value. Type id 65 is the first one a Go process hands out for a
 * user-defined type; the decoder only needs it consistent within the stream.
 */

const TYPE_ID = 65n;
/** gob's predefined id of `int`. */
const INT_TYPE_ID = 2n;

export function encodeCommandFinished(exitStatus: number): Uint8Array {
  if (!Number.isSafeInteger(exitStatus)) throw new RangeError(`exit status ${exitStatus} is not an integer`);
  const definition = message(
    int(-TYPE_ID),
    // wireType{StructT: &structType{CommonType{Name, Id}, Field: []fieldType{{Name, Id}}}}
    field(3),
    field(1),
    field(1),
    text('CommandFinished'),
    field(1),
    int(TYPE_ID),
    END,
    field(1),
    uint(1n),
    field(1),
    text('ExitStatus'),
    field(1),
    int(INT_TYPE_ID),
    END,
    END,
    END,
  );
  // A zero field is left out, as gob leaves out every zero value.
  const value = exitStatus === 0 ? [] : [field(1), int(BigInt(exitStatus))];
  const instance = message(int(TYPE_ID), ...value, END);
  return Buffer.concat([definition, instance]);
}

const END = Uint8Array.of(0);

/** A struct field's number, as the delta from the previous one (always 1 or 3 here). */
function field(delta: number): Uint8Array {
  return uint(BigInt(delta));
}

/** One message: its byte count, then its bytes. */
function message(...parts: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(parts);
  return Buffer.concat([uint(BigInt(body.length)), body]);
}

/** gob's unsigned integer: one byte below 128, else the negated byte count then big-endian bytes. */
function uint(value: bigint): Uint8Array {
  if (value < 128n) return Uint8Array.of(Number(value));
  const bytes: number[] = [];
  for (let rest = value; rest > 0n; rest >>= 8n) bytes.unshift(Number(rest & 0xffn));
  return Uint8Array.of(256 - bytes.length, ...bytes);
}

/** gob's signed integer: the sign in the low bit, the complement of negative values above it. */
function int(value: bigint): Uint8Array {
  return uint(value < 0n ? (~value << 1n) | 1n : value << 1n);
}

function text(value: string): Uint8Array {
  const bytes = Buffer.from(value, 'utf8');
  return Buffer.concat([uint(BigInt(bytes.length)), bytes]);
}
