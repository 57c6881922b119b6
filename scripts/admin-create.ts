/**
 * Creates an ADMIN account: `npm run admin:create -- --email ops@example.com [--name "Ops"]`.
 * The password is prompted for without echo (asked twice) on a terminal, and read from the first line of stdin
 * otherwise (`printf '%s\n' "$PASSWORD" | npm run admin:create -- --email …`), never from the command line, where
 * it would land in the shell history and the process list. Uses the same configuration (environment) and
 * container as the server; an e-mail already in use is refused, never promoted.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { Connection } from 'mongoose';
import { DomainError } from '#domain/shared/domain-error';
import { SYSTEM_ACTOR } from '#domain/shared/domain-event';
import { CreateAdminUseCase } from '#application/identity/create-admin/create-admin.use-case';
import { ApplicationError } from '#application/shared/application-error';
import { ConfigError, loadConfig } from '#infrastructure/config/config';
import { buildContainer } from '#infrastructure/di/container';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { PinoLogger } from '#infrastructure/logging/pino-logger';
import { ensureIndexes } from '#infrastructure/persistence/mongoose/connection';

const USAGE = 'usage: npm run admin:create -- --email <email> [--name <name>]   (the password is prompted for, or read from stdin)';

async function main(): Promise<number> {
  let values: { email?: string; name?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  if (values.help) return fail(USAGE, 0);
  if (!values.email) return fail(USAGE, 2);

  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message, 1);
    throw error;
  }
  const password = await readPassword();
  if (password === null) return fail('admin:create: the passwords do not match', 1);

  const services = await buildContainer(config, { logger: PinoLogger.create(config.LOG_LEVEL === 'silent' ? 'silent' : 'warn', { role: 'admin-create' }) });
  try {
    await ensureIndexes(services.container.resolve<Connection>(MongooseConnection));
    const admin = await services.container.resolve(CreateAdminUseCase).execute({
      email: values.email,
      name: values.name ?? config.BOOTSTRAP_ADMIN_NAME,
      password,
      actor: SYSTEM_ACTOR,
      correlationId: `admin-create-${Date.now()}`,
    });
    process.stdout.write(`created ADMIN ${admin.email} (id ${admin.id})\n`);
    return 0;
  } catch (error) {
    if (error instanceof DomainError || error instanceof ApplicationError) return fail(`admin:create: ${error.message}`, 1);
    throw error;
  } finally {
    await services.lifecycle.closeAll(() => {});
  }
}

/** A terminal: prompt twice without echo (null if they differ). Otherwise: the first line of stdin. */
async function readPassword(): Promise<string | null> {
  if (!process.stdin.isTTY) return firstLineOfStdin();
  const first = await promptHidden('Password: ');
  const second = await promptHidden('Repeat password: ');
  return first === second ? first : null;
}

async function firstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '');
}

function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    let typed = '';
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          process.stderr.write('\n');
          resolve(typed);
          return;
        }
        if (char === '\u0003') {
          // Ctrl-C: leave the terminal as we found it.
          stdin.setRawMode(false);
          process.stderr.write('\n');
          process.exit(130);
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else if (char >= ' ') typed += char;
      }
    };
    stdin.on('data', onData);
  });
}

function fail(message: string, code: number): number {
  (code === 0 ? process.stdout : process.stderr).write(`${message}\n`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`admin:create failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
