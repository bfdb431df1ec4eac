export type ChainErrorKind = 'unreachable' | 'dropped' | 'wrong-chain' | 'unsupported-runtime' | 'timeout' | 'cancelled';

/** A chain problem the user reads as is ("Cannot reach …", "… serves a different chain"). */
export class ChainError extends Error {
  constructor(
    readonly kind: ChainErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ChainError';
  }
}
