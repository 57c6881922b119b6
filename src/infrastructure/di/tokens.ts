/** Tokens for values (not ports) the container holds. Ports export their own same-named Symbol. */
export const AppConfig = Symbol('AppConfig');
export const MongooseConnection = Symbol('MongooseConnection');
export const RedisClient = Symbol('RedisClient');
/** A factory of fresh BullMQ-ready ioredis connections (workers each need their own). */
export const BullMqConnectionFactory = Symbol('BullMqConnectionFactory');
