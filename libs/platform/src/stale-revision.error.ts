/** The client's If-Match named a revision the stream has moved past: it must reload before changing. */
export class StaleRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedRevision: bigint,
    readonly currentRevision: string | null,
  ) {
    super(
      `${streamId} has changed since you loaded it (you sent If-Match "${expectedRevision}", it is now at ` +
        `${currentRevision === null ? 'no revision' : `"${currentRevision}"`}); reload it and try again`,
    );
    this.name = 'StaleRevisionError';
  }
}
