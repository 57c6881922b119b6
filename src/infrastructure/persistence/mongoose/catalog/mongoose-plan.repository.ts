import type { Connection, Model } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { Plan } from '#domain/catalog/plan/plan.aggregate';
import type { PlanRepository } from '#domain/catalog/plan/plan.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { planMapper, type PlanDocument } from '#infrastructure/persistence/mongoose/catalog/plan.mapper';
import { planModel } from '#infrastructure/persistence/mongoose/catalog/plan.schema';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';

@injectable()
export class MongoosePlanRepository implements PlanRepository {
  private readonly model: Model<any>;

  constructor(
    @inject(MongooseConnection) connection: Connection,
    @inject(MongooseAggregateWriter) private readonly writer: MongooseAggregateWriter,
  ) {
    this.model = planModel(connection);
  }

  async save(plan: Plan, meta: EventMetadata): Promise<void> {
    const snapshot = plan.toSnapshot();
    await this.writer.save(this.model, plan, snapshot.id, planMapper.toState(snapshot), meta);
  }

  async findById(id: string): Promise<Plan | null> {
    const document = await this.model.collection.findOne<PlanDocument>({ _id: id as never }, { projection: { outbox: 0 } });
    return document ? planMapper.toDomain(document) : null;
  }
}
