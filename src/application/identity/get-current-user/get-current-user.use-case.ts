import { inject, injectable } from 'tsyringe';
import { UserRepository } from '#domain/identity/user/user.repository';
import { NotFoundError } from '#application/shared/application-error';
import type { Caller } from '#application/shared/use-case-context';
import { toUserView, type UserView } from '#application/identity/shared/user-view';

export type GetCurrentUserErrors = NotFoundError;

/** GET /auth/me: the signed-in caller's own account (404 if the token names a user that does not exist). */
@injectable()
export class GetCurrentUserUseCase {
  constructor(@inject(UserRepository) private readonly users: UserRepository) {}

  async execute(input: { caller: Caller }): Promise<UserView> {
    const user = await this.users.findById(input.caller.userId);
    if (!user) throw new NotFoundError('user', input.caller.userId);
    return toUserView(user);
  }
}
