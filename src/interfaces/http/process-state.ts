/** Process-wide flags the HTTP layer reads: readiness turns 503 as soon as shutdown starts. */
export class ProcessState {
  shuttingDown = false;
}
