import { describe, expect, it } from 'vitest';
import { extractLevel } from '../../src/lib/extract/level.ts';

const level = (title: string | null, text = '') => extractLevel(title, text)?.value ?? null;

describe('"Member of Technical Staff" is a title, not the level staff', () => {
  it.each([
    ['Member of Technical Staff', null],
    ['Member of Technical Staff, Pretraining', null],
    ['Member of Technical Staff - Inference', null],
    ['Member of Technical Staff: Inference', null],
    ['Member of the Technical Staff (Evals)', null],
    ['Technical Staff Member', null],
    ['Senior Member of Technical Staff', 'senior'],
    ['Principal Member of Technical Staff', 'principal'],
    ['Member of Technical Staff (Senior)', 'senior'],
  ] as const)('%s → %s', (t, want) => expect(level(t)).toBe(want));

  it('takes the level from the text only when it names this role\'s', () => {
    expect(level('Member of Technical Staff', 'The Senior Research Engineer will train models.')).toBe('senior');
    expect(level('Member of Technical Staff', 'Our technical staff train models.')).toBeNull();
  });
});

describe('roles joined by a slash', () => {
  it('gives no level when the roles name different ones, and keeps one level over alternatives of a field', () => {
    expect(level('Staff Backend Engineer/Senior Software Engineer/Forward Deployed Engineer')).toBeNull();
    expect(level('Senior Engineer / Staff Engineer')).toBeNull();
    expect(level('Senior ML/AI Engineer')).toBe('senior');
    expect(level('Senior Data Scientist/ML Engineer')).toBe('senior');
  });
});

describe('level from the title', () => {
  it.each([
    ['Staff Machine Learning Engineer, Content Quality Signals', 'staff'],
    ['Sr. Staff Machine Learning Engineer, Content Ecosystem', 'senior-staff'],
    ['Senior Staff Research Scientist', 'senior-staff'],
    ['Principal Data Engineer, Risk & Fraud', 'principal'],
    ['Distinguished Engineer, AI Platform', 'distinguished'],
    ['Sr. Data Scientist', 'senior'],
    ['Snr Backend Engineer', 'senior'],
    ['Lead Platform Engineer (Go, Kafka, Payments)', 'lead'],
    ['Jr. ML Engineer', 'junior'],
    ['Entry Level Data Analyst', 'junior'],
    ['New Grad Software Engineer', 'junior'],
    ['Machine Learning Intern (Summer 2026)', 'intern'],
    ['Product Manager Intern', 'intern'],
    ['Research Co-op, Vision', 'intern'],
    ['Senior Manager, Machine Learning', 'manager'],
    ['Engineering Manager, Ads Ranking', 'manager'],
    ['Director of Applied Science', 'director'],
    ['Head of Machine Learning', 'director'],
    ['VP of Engineering', 'director'],
    ['Mid-level DevOps Engineer', 'mid'],
    ['Senior+ Engineer (Full-Stack)', 'senior'],
    ['Staff Software Engineer, Tech Lead', 'staff'],
  ])('%s → %s', (title, want) => expect(level(title)).toBe(want));

  it.each([
    ['Senior/Staff SRE', 'alternatives between levels'],
    ['Full-stack Senior or Staff Engineer', 'alternatives between levels'],
    ['Full-Stack Developer (Mid/Senior)', 'alternatives between levels'],
    ['Full-Stack Engineer (Angular) + Senior Cloud Engineer (AWS)', 'two roles of different levels'],
    ['Founding Engineer', 'no level word'],
    ['Senior Product Manager, Platform', 'is senior (a product manager is a role, not a manager level)'],
  ])('%s: %s', (title, why) => {
    expect(level(title)).toBe(why.startsWith('is senior') ? 'senior' : null);
  });

  it('gives several roles of one level that level', () => {
    expect(level('Senior Backend Engineer & Senior Applied Scientist')).toBe('senior');
    expect(level('Sr. Infra, Sr. Web Engineer, Sr. SWE (Search), Sr. SRE')).toBe('senior');
  });

  it('reads numbered grades on the common ladder (I junior, II mid, III senior; L5 senior, L6 staff)', () => {
    expect(level('Software Engineer II')).toBe('mid');
    expect(level('Machine Learning Engineer III')).toBe('senior');
    expect(level('Software Engineer I')).toBe('junior');
    expect(level('ML Engineer (L6)')).toBe('staff');
  });
});

describe('level from the text, only when the title has none', () => {
  it('reads "The Staff Machine Learning Engineer will …" when there is no title', () => {
    expect(level(null, 'Acme is a platform. The Staff Machine Learning Engineer will lead ads ranking work.')).toBe('staff');
  });

  it('does not let the text override a title level ("Required Experience: Staff IC")', () => {
    expect(level('Sr. Staff Machine Learning Engineer', 'Required Experience:\n\nStaff IC')).toBe('senior-staff');
  });

  it('ignores levels of other people ("mentor and grow junior ML engineers")', () => {
    expect(level(null, 'Mentor and grow junior ML engineers in ads quality and partner teams.')).toBeNull();
  });

  it('takes a list of roles that all share one level, and nothing when they differ', () => {
    expect(level(null, 'We are hiring for 3 roles:\n\n1. Senior Front-end Engineer (React)\n\n2. Senior Back-end Engineer (Python)\n')).toBe('senior');
    expect(level(null, 'Open roles:\n- Senior AI Engineer — agents\n- Head of Platform Engineering — strategy\n')).toBeNull();
  });
});

describe('level: ranges of levels', () => {
  it('gives no level to a title offering a span of levels', () => {
    expect(extractLevel('junior-to-senior backend engineer', '')).toBeNull();
    expect(extractLevel('Junior to Senior Data Engineer', '')).toBeNull();
  });
});
