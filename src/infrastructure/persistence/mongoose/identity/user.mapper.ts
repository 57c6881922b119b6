import { Email } from '#domain/identity/user/email.vo';
import { User, type UserSnapshot } from '#domain/identity/user/user.aggregate';

export interface UserDocument extends Omit<UserSnapshot, 'id'> {
  _id: string;
  emailKey: string;
  version: number;
}

export const userMapper = {
  toState({ id: _id, ...rest }: UserSnapshot): Omit<UserDocument, '_id' | 'version'> {
    return { ...rest, emailKey: Email.normalize(rest.email) };
  },
  toDomain({ _id, version, emailKey: _key, ...rest }: UserDocument): User {
    return User.rehydrate({ id: _id, ...rest }, version);
  },
};
