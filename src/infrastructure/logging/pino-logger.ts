import pino, { type Logger as Pino } from 'pino';
import type { Logger } from '#application/shared/ports/logger.port';

/** Fields that must never reach a log line, wherever they appear. */
const REDACT = ['password', '*.password', 'accessToken', '*.accessToken', 'authorization', '*.authorization', 'JWT_SECRET'];

/** Structured JSON logs on stdout (one object per line). */
export class PinoLogger implements Logger {
  private constructor(private readonly pino: Pino) {}

  static create(level: string, base: Record<string, unknown> = {}): PinoLogger {
    return new PinoLogger(pino({ level, base, redact: { paths: REDACT, censor: '[redacted]' }, timestamp: pino.stdTimeFunctions.isoTime }));
  }

  debug(fields: Record<string, unknown>, message: string): void {
    this.pino.debug(fields, message);
  }
  info(fields: Record<string, unknown>, message: string): void {
    this.pino.info(fields, message);
  }
  warn(fields: Record<string, unknown>, message: string): void {
    this.pino.warn(fields, message);
  }
  error(fields: Record<string, unknown>, message: string): void {
    this.pino.error(fields, message);
  }
  child(fields: Record<string, unknown>): Logger {
    return new PinoLogger(this.pino.child(fields));
  }
}
