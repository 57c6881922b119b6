/**
 * Child process for the outbox crash test: saves a new subscription through the real use case and container, and
 * SIGKILLs itself at the exact moment the fast path would publish (after the save, before any delivery).
 * Env: the test's environment plus CRASH_PLAN_ID, CRASH_PRODUCT_ID, CRASH_USER_ID.
 */
import 'reflect-metadata';
import { CreateSubscriptionUseCase } from '#application/subscriptions/create-subscription/create-subscription.use-case';
import { loadConfig } from '#infrastructure/config/config';
import { buildContainer } from '#infrastructure/di/container';
import { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';

const services = await buildContainer(loadConfig());
const dispatcher = services.container.resolve(OutboxDispatcher);
dispatcher.dispatchAfterSave = async () => {
  process.stdout.write('saved; dying before publish\n');
  process.kill(process.pid, 'SIGKILL');
  await new Promise(() => {}); // never returns: the process is gone
};

await services.container.resolve(CreateSubscriptionUseCase).execute({
  actor: { type: 'user', id: process.env.CRASH_USER_ID! },
  correlationId: 'outbox-crash-test',
  caller: { userId: process.env.CRASH_USER_ID!, role: 'USER' },
  planId: process.env.CRASH_PLAN_ID!,
  productId: process.env.CRASH_PRODUCT_ID!,
  quantity: 1,
  paymentMethod: 'pm_card_ok',
});
process.stdout.write('the fast path was never reached\n');
process.exit(3);
