// QA and training results of an agent, for the metrics pages (issue 6 shows them next to each agent's metrics).
import type { Actor } from '../../server/actor.js';
import { notFound } from '../../server/errors.js';
import type { AgentQuality } from '../../shared/schemas/quality.js';
import { canSeeInspectionOf } from '../qa/policy.js';
import { qaSummaryOf, type QaDeps } from '../qa/service.js';
import { activeStaff } from '../team/service.js';
import { trainingSummaryOf } from './service.js';

/** The service function the metrics module calls: one agent's inspections, points and training. */
export async function agentQualityOf(deps: QaDeps, shopId: string, userId: string): Promise<AgentQuality> {
  const [qa, trainingSummary, staff] = await Promise.all([
    qaSummaryOf(deps, shopId, userId),
    trainingSummaryOf(deps.db, shopId, userId),
    activeStaff(deps.db, shopId),
  ]);
  const person = staff.find((member) => member.id === userId);
  return {
    userId,
    inspections: qa.inspections,
    averageScore: qa.averageScore,
    qaPointsThisMonth: qa.qaPointsThisMonth,
    disciplinePointsThisMonth: qa.disciplinePointsThisMonth,
    trainings: trainingSummary.trainings,
    lastAssessmentScore: trainingSummary.lastAssessmentScore,
    newHireTrainingDone: trainingSummary.newHireTrainingDone,
    newAgent: person?.role === 'agent' && !trainingSummary.newHireTrainingDone,
  };
}

export async function agentQuality(deps: QaDeps, actor: Actor, userId: string): Promise<AgentQuality> {
  const staff = await activeStaff(deps.db, actor.shopId);
  if (!staff.some((member) => member.id === userId) || !canSeeInspectionOf(actor, userId)) throw notFound();
  return agentQualityOf(deps, actor.shopId, userId);
}

export async function agentQualityList(deps: QaDeps, actor: Actor) {
  const staff = (await activeStaff(deps.db, actor.shopId)).filter(
    (member) => member.role === 'agent' && canSeeInspectionOf(actor, member.id),
  );
  return Promise.all(
    staff.map(async (member) => ({
      ...(await agentQualityOf(deps, actor.shopId, member.id)),
      userName: member.displayName,
    })),
  );
}
