// What leaves the server of quality inspection: samples with their pre-check marks, scorecards, inspections.
import { isoOf } from '../../db/instants.js';
import type { QaInspectionTable, QaSampleTable, QaScorecardTable } from '../../db/schema.js';
import type { SampleReason, ScorecardItem } from '../../shared/quality.js';
import type { Appeal, Inspection, QaSample, Scorecard } from '../../shared/schemas/quality.js';
import type { PrecheckMark } from './rules.js';

export function presentScorecard(row: QaScorecardTable): Scorecard {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    items: JSON.parse(row.items) as ScorecardItem[],
    active: row.active === 1,
    createdAt: isoOf(row.createdAt),
  };
}

export function presentSample(row: QaSampleTable, names: ReadonlyMap<string, string>): QaSample {
  return {
    id: row.id,
    week: row.week,
    agentId: row.agentId,
    agentName: names.get(row.agentId) ?? '',
    subjectKind: row.subjectKind,
    subjectId: row.subjectId,
    subjectAt: isoOf(row.subjectAt),
    reasons: JSON.parse(row.reasons) as SampleReason[],
    prechecks: JSON.parse(row.prechecks) as PrecheckMark[],
    inspectionId: row.inspectionId,
  };
}

export function presentInspection(
  row: QaInspectionTable,
  context: {
    sample: QaSampleTable;
    scorecard: QaScorecardTable;
    names: ReadonlyMap<string, string>;
    appeal: Appeal | null;
    now: number;
    viewerId: string;
  },
): Inspection {
  const reversed = context.appeal?.status === 'upheld';
  return {
    id: row.id,
    sampleId: row.sampleId,
    subjectKind: context.sample.subjectKind,
    subjectId: context.sample.subjectId,
    agentId: row.agentId,
    agentName: context.names.get(row.agentId) ?? '',
    inspectorId: row.inspectorId,
    inspectorName: context.names.get(row.inspectorId) ?? '',
    scorecard: presentScorecard(context.scorecard),
    scores: JSON.parse(row.scores) as Record<string, number>,
    comments: JSON.parse(row.comments) as Inspection['comments'],
    summary: row.summary,
    score: row.scoreTenths / 10,
    week: row.week,
    tablePoints: row.tablePointsTenths / 10,
    points: row.pointsTenths / 10,
    reversed,
    appealDueAt: isoOf(row.appealDueAt),
    canAppeal: context.viewerId === row.agentId && context.appeal === null && context.now <= row.appealDueAt,
    inspectedAt: isoOf(row.inspectedAt),
    appeal: context.appeal,
  };
}
