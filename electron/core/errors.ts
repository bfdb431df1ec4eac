import type { ErrorCode } from '../../shared/api';

/** An error the user should read: its message is shown as is, its code lets the UI choose how. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}
