import type { Connection } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { Plan, PlanSnapshot } from '#domain/catalog/plan/plan.aggregate';
import type { PlanRepository } from '#domain/catalog/plan/plan.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { planMapper, type PlanDocument } from '#infrastructure/persistence/mongoose/catalog/plan.mapper';
import { planModel } from '#infrastructure/persistence/mongoose/catalog/plan.schema';
import { AggregateDocuments } from '#infrastructure/persistence/mongoose/shared/aggregate-documents';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';

@injectable()
export class MongoosePlanRepository implements PlanRepository {
  private readonly plans: AggregateDocuments<PlanDocument, Plan, PlanSnapshot>;

  constructor(@inject(MongooseConnection) connection: Connection, @inject(MongooseAggregateWriter) writer: MongooseAggregateWriter) {
    this.plans = new AggregateDocuments(planModel(connection), writer, planMapper);
  }

  async save(plan: Plan, meta: EventMetadata): Promise<void> {
    await this.plans.save(plan, meta);
  }

  async findById(id: string): Promise<Plan | null> {
    return this.plans.findOne({ _id: id });
  }
}
