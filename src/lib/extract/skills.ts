import type { Skill } from '../taxonomy.ts';
import type { SkillHit } from './types.ts';

/** PLACEHOLDER. */
export function extractSkills(_text: string, _skills: Skill[]): SkillHit[] {
  return [];
}
