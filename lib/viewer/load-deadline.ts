// A load that never settles would leave its viewport "loading" for ever (Cornerstone's
// createImage swallows an error thrown after decoding: its promise then never settles). Every
// image load is raced against a deadline; past it, the load is a visible failure (or goes to
// the server rendering), never a spinner.

/** The load of an image took longer than its deadline. */
export class LoadDeadlineError extends Error {
  constructor(readonly seconds: number) {
    super(`no answer after ${seconds} s`);
    this.name = "LoadDeadlineError";
  }
}

/** `promise`, or a LoadDeadlineError once `ms` have passed without it settling. */
export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new LoadDeadlineError(Math.round(ms / 1000))), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
