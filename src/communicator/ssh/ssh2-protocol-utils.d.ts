// ssh2 ships no types for its protocol helpers; certificate.ts sends its user-auth request with two of them.
declare module 'ssh2/lib/protocol/utils.js' {
  const utils: {
    /** Encrypts and sends a finalized packet, or queues it while a key exchange runs. */
    sendPacket(protocol: object, packet: Buffer): boolean;
    /** A signature as the SSH wire wants it for keyType (ECDSA's DER becomes r and s); false if malformed. */
    convertSignature(signature: Buffer, keyType: string): Buffer | false;
  };
  export = utils;
}
