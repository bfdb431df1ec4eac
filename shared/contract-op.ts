import { z } from 'zod';

/** Declares an operation: the argument schema is a value, the result is a type carried by a phantom field. */
export interface Operation<Arg extends z.ZodType, Res> {
  readonly arg: Arg;
  readonly result?: Res;
}

export const op =
  <Res>() =>
  <Arg extends z.ZodType>(arg: Arg): Operation<Arg, Res> => ({ arg });

/** The argument schema of operations that take none. */
export const none = z.undefined();
