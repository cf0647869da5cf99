/** A mistake the user can fix (a bad file, a wrong argument), with a message in Chinese. */
export class SoilUserError extends Error {
  constructor(
    message: string,
    /** What to do about it, shown after the message. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = "SoilUserError";
  }
}
