import { Plan, type PlanSnapshot } from '#domain/catalog/plan/plan.aggregate';

export interface PlanDocument extends Omit<PlanSnapshot, 'id'> {
  _id: string;
  version: number;
}

export const planMapper = {
  toState({ id: _id, ...rest }: PlanSnapshot): Omit<PlanDocument, '_id' | 'version'> {
    return rest;
  },
  toSnapshot({ _id, version: _version, ...rest }: PlanDocument): PlanSnapshot {
    return { id: _id, ...rest };
  },
  toDomain(document: PlanDocument): Plan {
    return Plan.rehydrate(planMapper.toSnapshot(document), document.version);
  },
};
