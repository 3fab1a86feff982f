import { describe, expect, it } from 'vitest';
import { extractRole } from '../../src/lib/extract/role.ts';

const role = (title: string | null, text = '') => extractRole(title, text);

describe('role family from the title', () => {
  it.each([
    ['Staff Machine Learning Engineer, Content Quality Signals', 'ml-engineer', true],
    ['Senior AI Engineer — LLMs & Agents', 'ai-engineer', true],
    ['AI Engineer', 'ai-engineer', true],
    ['LLM Engineer', 'ai-engineer', true],
    ['Applied AI Engineer', 'ai-engineer', true],
    ['GenAI Engineer', 'ai-engineer', true],
    ['Generative AI Software Engineer', 'ai-engineer', true],
    ['Software Engineer, Applied AI', 'ai-engineer', true],
    ['Founding Engineer – LLM Applications', 'ai-engineer', true],
    ['AI/ML Engineer', 'ml-engineer', true],
    ['AI Engineer, Computer Vision', 'ml-engineer', true],
    ['AI Research Engineer', 'research-scientist', true],
    ['AI Infrastructure Engineer', 'ml-platform', true],
    ['NLP Engineer', 'ml-engineer', true],
    ['Computer Vision Engineer', 'ml-engineer', true],
    ['Software Engineer, Machine Learning', 'ml-engineer', true],
    ['ML Platform Engineer', 'ml-platform', true],
    ['Senior Software Engineer, ML Infrastructure', 'ml-platform', true],
    ['MLOps Engineer', 'ml-platform', true],
    ['Data Scientist, Machine Learning', 'data-scientist', true],
    ['Senior Data Engineer', 'data-engineer', false],
    ['Senior Backend Engineer', 'software-engineer', false],
    ['Site Reliability Engineer', 'software-engineer', false],
    ['Product Manager', 'other', false],
    ['Performance Marketing Manager', 'other', false],
  ] as const)('%s → %s (ML: %s)', (title, family, ml) => {
    expect(role(title)?.value).toEqual({ roleFamily: family, isMlRole: ml });
  });
});

describe('whether a scientist role is an ML role depends on the work it names', () => {
  it('counts research and applied scientists working on ML/AI', () => {
    const text = 'Train large language models and deep learning systems; publish on machine learning.';
    expect(role('Research Scientist, Generative Models', text)?.value).toEqual({ roleFamily: 'research-scientist', isMlRole: true });
    expect(role('Applied Scientist II', text)?.value).toEqual({ roleFamily: 'applied-scientist', isMlRole: true });
  });

  it('counts a data scientist who trains models as ML', () => {
    const text = 'You will train models with PyTorch and deploy machine learning models to production.';
    expect(role('Senior Data Scientist', text)?.value.isMlRole).toBe(true);
  });

  it('excludes a data scientist who builds dashboards, and says why', () => {
    const r = role('Data Scientist, Marketing Analytics', 'Build dashboards in Looker and report weekly KPIs.');
    expect(r?.value).toEqual({ roleFamily: 'data-scientist', isMlRole: false });
    expect(r?.rule).toMatch(/no ML work/);
  });

  it('excludes a research scientist outside ML/AI', () => {
    expect(role('Research Scientist, Battery Chemistry', 'Design electrolyte experiments.')?.value.isMlRole).toBe(false);
  });
});

describe('excluded roles carry the reason in the rule', () => {
  it('names the family and "not ML"', () => {
    expect(role('Senior Backend Engineer')?.rule).toMatch(/software-engineer, not ML/);
    expect(role('Head of Sales')?.rule).toMatch(/other/);
  });
});

describe('without a title', () => {
  it('reads a hiring phrase in the text', () => {
    expect(role(null, 'We are hiring machine learning engineers to build ranking models.')?.value.roleFamily).toBe('ml-engineer');
    expect(role(null, 'We are looking for an LLM engineer to build our support agent.')?.value).toEqual({ roleFamily: 'ai-engineer', isMlRole: true });
  });
  it('returns null when nothing names a role', () => {
    expect(role(null, 'We build software for dentists.')).toBeNull();
  });
});
