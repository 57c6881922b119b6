import { injectable } from 'tsyringe';
import { v7 as uuidv7 } from 'uuid';
import type { IdGenerator } from '#application/shared/ports/id-generator.port';

@injectable()
export class UuidV7IdGenerator implements IdGenerator {
  next(): string {
    return uuidv7();
  }
}
