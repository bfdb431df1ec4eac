import type { DataProblem, DataProblemCode } from '../../../shared/api-types';

/** A data file the app must not use (and must not overwrite). */
export class DataProblemError extends Error {
  constructor(
    readonly code: DataProblemCode,
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'DataProblemError';
  }

  toProblem(): DataProblem {
    return { code: this.code, message: this.message, path: this.path };
  }
}
