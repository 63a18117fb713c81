/**
 * An error answered in the AWS wire format: the code becomes `__type` (JSON protocols) or
 * `<Code>` (Query protocol), which the SDK turns into the exception class of that name.
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }

  /** Sender for client errors, Receiver for server faults, as the Query protocol reports it. */
  get fault(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender';
  }
}

export const invalidParameter = (message: string) => new AwsError('InvalidParameterException', message);
