/**
 * Role family and whether the posting is an ML role (the site's charts cover ML roles; the rest are counted and
 * reported as excluded, with `rule`/`evidence` saying why).
 *
 * From the title (first match wins):
 *   ml-platform        ML/AI platform, infrastructure, MLOps, ML systems ("ML Platform Engineer", "AI Infrastructure")
 *   research-scientist research scientist/engineer, ML/AI researcher, "Member of Technical Staff" at an AI lab
 *   applied-scientist  applied scientist
 *   data-scientist     data scientist, ML/decision scientist
 *   ai-engineer        builds products on LLMs and other foundation models: "AI Engineer", "LLM Engineer",
 *                      "Applied AI Engineer", "GenAI Engineer", "Software Engineer, LLM Applications" (a title that also
 *                      names ML, NLP, vision … is an ML engineer's)
 *   ml-engineer        machine learning / ML / AI / LLM / NLP / computer vision / deep learning / perception engineer,
 *                      "Software Engineer, Machine Learning", "Head of ML"
 *   data-engineer      data / analytics / ETL engineer
 *   software-engineer  software/backend/frontend/full-stack/platform/infra/SRE/DevOps engineer, developer, architect
 *   other              product, design, sales, marketing, operations …
 * isMlRole: ml-engineer, ml-platform and ai-engineer always; research and applied scientists when the title or the text is about
 * ML/AI (most are; "Research Scientist, Battery Chemistry" is not); data scientists when their title names ML/AI, or
 * the text asks them to build ML models (two or more ML terms: machine learning, deep learning, model training,
 * PyTorch …) — a data scientist who trains models does ML work, one who builds dashboards does not.
 * Without a title, the text's hiring phrases decide ("hiring ML engineers").
 */
import type { Found } from './found.ts';
import type { RoleFamily } from './types.ts';

const ML = String.raw`(?:machine[ \t-]learning|ml|ai|a\.i\.|artificial[ \t]intelligence|llms?|genai|generative[ \t]ai|nlp|natural[ \t]language|computer[ \t]vision|cv|deep[ \t]learning|perception|mlops|ml[ \t]?ops|recommendation|recommender|ranking|personali[sz]ation|speech|vision|multimodal|reinforcement[ \t]learning|rl|agents?|agentic|inference|modeling|modelling)`;

/** Every RegExp this module uses (checked for ReDoS by test/extract/redos.test.ts). */
export const PATTERNS = {
  mlWord: new RegExp(String.raw`\b${ML}\b`, 'i'),
  platform: new RegExp(String.raw`\b(?:${ML}[ \t/&-]*(?:platform|infrastructure|infra|systems|ops|compute|serving|training[ \t]infrastructure)|mlops|ml[ \t]ops|llmops|(?:platform|infrastructure|infra)[ \t]{1,4}(?:engineer|engineering|lead)[ \t,–—-]+${ML})\b`, 'i'),
  research: /\b(?:research[ \t]{1,4}(?:scientist|engineer|fellow|resident)|(?:ml|ai|machine[ \t]learning)[ \t]{1,4}researcher|researcher|member[ \t]{1,4}of[ \t]{1,4}technical[ \t]{1,4}staff|research[ \t]{1,4}lead)\b/i,
  applied: /\bapplied[ \t]{1,4}(?:ml[ \t]{1,4}|ai[ \t]{1,4})?scientist\b/i,
  dataScientist: /\b(?:data|decision|ml|machine[ \t]learning|ai|product)[ \t]{1,4}scientists?\b/i,
  mlEngineer: new RegExp(String.raw`\b${ML}(?:[ \t/&-]${ML}){0,2}[ \t/-]?(?:software[ \t])?(?:engineers?|engineering|developers?|scientists?|lead|architect|specialist)\b`, 'i'),
  /** "Software Engineer, Machine Learning", "Head of ML". */
  mlAfterRole: /\b(?:engineers?|engineering|developers?|swe|lead|manager|head|director)\b[^\n]{0,20}?\b(?:machine[ \t-]learning|ml|ai|llms?|nlp|computer[ \t]vision|deep[ \t]learning|perception)\b/i,
  mle: /\bmles?\b/i,
  /** "AI Engineer", "LLM Engineer", "Applied AI Engineer", "GenAI Engineer", "AI Agents Engineer", "AI Product Engineer". */
  aiEngineer: /\b(?:applied[ \t]{1,4})?(?:ai|a\.i\.|llms?|genai|gen[ \t-]ai|generative[ \t]{1,4}ai|foundation[ \t]{1,4}models?)(?:[ \t/&-]{1,3}(?:products?|applications?|apps|agents?|solutions))?[ \t/-]{0,3}(?:software[ \t]{1,4})?(?:engineers?|developers?)\b/i,
  /** "Software Engineer, Applied AI", "Engineer – LLM Applications", "Developer (GenAI)". */
  aiAfterRole: /\b(?:engineers?|developers?)\b[^\n]{0,20}?\b(?:applied[ \t]ai|llms?|genai|gen[ \t-]ai|generative[ \t]ai|ai[ \t](?:products?|applications?|agents?))\b/i,
  /** Words of classic ML in a title ("AI/ML Engineer", "AI Engineer, Computer Vision"): an ML engineer, not an AI engineer. */
  classicMl: /\b(?:ml|machine[ \t-]learning|deep[ \t]learning|nlp|computer[ \t]vision|cv|perception|recommend(?:ation|er)s?|ranking|mlops)\b/i,
  dataEngineer: /\b(?:data|analytics|etl|big[ \t]data|data[ \t]platform)[ \t]{1,4}(?:engineers?|engineering|developers?|architect)\b/i,
  software: /\b(?:engineers?|engineering|developers?|swe|sde|sre|devops|programmers?|architects?|full[- ]?stack|back[- ]?end|front[- ]?end|hackers?|cto)\b/i,
  /** ML terms in text that show a data scientist builds models. */
  mlText: /\b(?:machine[ \t-]learning|deep[ \t]learning|neural[ \t]networks?|model[ \t]training|train(?:ing)?[ \t]models|pytorch|tensorflow|scikit-learn|sklearn|xgboost|llms?|nlp|computer[ \t]vision|ml[ \t]models?|predictive[ \t]models?|transformers)\b/gi,
  /** Text that names non-ML research ("Research Scientist, Battery Chemistry"). */
  aiText: /\b(?:machine[ \t-]learning|deep[ \t]learning|artificial[ \t]intelligence|\bAI\b|llms?|neural|nlp|computer[ \t]vision|reinforcement[ \t]learning|generative)\b/gi,
  /** Hiring phrases when there is no title: "hiring ML engineers", "looking for an AI engineer". */
  textHiring: /\b(?:hiring|looking[ \t]{1,4}for|seeking|need)[ \t]{1,4}(?:an?[ \t]{1,4}|our[ \t]{1,4}|two[ \t]{1,4}|several[ \t]{1,4})?([\w/+.& -]{2,60}?(?:engineers?|scientists?|developers?|researchers?))\b/gi,
};

type Role = { roleFamily: RoleFamily; isMlRole: boolean };

const count = (re: RegExp, text: string) => (text.match(re) ?? []).length;

/** Family of one title string; null when it names no role we know. */
function familyOf(title: string, text: string): Found<Role> | null {
  const t = title.replace(/\s+/g, ' ');
  const hit = (re: RegExp) => re.exec(t)?.[0] ?? null;
  const aiInText = count(PATTERNS.aiText, text) >= 2;
  let m: string | null;
  if ((m = hit(PATTERNS.platform)) && PATTERNS.software.test(t.replace(/\b(?:platform|infrastructure|infra)\b/gi, 'engineer'))) {
    return { value: { roleFamily: 'ml-platform', isMlRole: true }, rule: 'title:ml-platform', evidence: m };
  }
  if ((m = hit(PATTERNS.applied))) {
    const ml = PATTERNS.mlWord.test(t) || aiInText;
    return { value: { roleFamily: 'applied-scientist', isMlRole: ml }, rule: ml ? 'title:applied-scientist' : 'title:applied-scientist, not ML/AI', evidence: m };
  }
  if ((m = hit(PATTERNS.research))) {
    const ml = PATTERNS.mlWord.test(t) || aiInText;
    return { value: { roleFamily: 'research-scientist', isMlRole: ml }, rule: ml ? 'title:research' : 'title:research, not ML/AI', evidence: m };
  }
  if ((m = hit(PATTERNS.dataScientist))) {
    const mlTitle = /\b(?:ml|machine[ \t]learning|ai)\b/i.test(t);
    const mlText = count(PATTERNS.mlText, text) >= 2;
    // "Data Scientist/ML Engineer" names an ML role outright.
    const ml = mlTitle || mlText;
    return {
      value: { roleFamily: 'data-scientist', isMlRole: ml },
      rule: mlTitle ? 'title:data-scientist-ml' : mlText ? 'title:data-scientist+ml-text' : 'title:data-scientist, no ML work named',
      evidence: m,
    };
  }
  if ((m = hit(PATTERNS.aiEngineer) ?? hit(PATTERNS.aiAfterRole)) && !PATTERNS.classicMl.test(t)) {
    return { value: { roleFamily: 'ai-engineer', isMlRole: true }, rule: 'title:ai-engineer', evidence: m };
  }
  if ((m = hit(PATTERNS.mlEngineer) ?? hit(PATTERNS.mlAfterRole) ?? hit(PATTERNS.mle))) {
    return { value: { roleFamily: 'ml-engineer', isMlRole: true }, rule: 'title:ml-engineer', evidence: m };
  }
  if ((m = hit(PATTERNS.dataEngineer))) {
    return { value: { roleFamily: 'data-engineer', isMlRole: false }, rule: 'title:data-engineer, not ML', evidence: m };
  }
  if ((m = hit(PATTERNS.software))) {
    return { value: { roleFamily: 'software-engineer', isMlRole: false }, rule: 'title:software-engineer, not ML', evidence: m };
  }
  return null;
}

/**
 * Role family of a posting and whether it is an ML role.
 * @param title the posting's title (front matter or extractTitle's); null when unknown
 * @param text cleaned posting text (consulted for ML context, and for hiring phrases when there is no title)
 * @returns the family and ML flag with the rule (saying why when excluded) and span; null when nothing can be told
 */
export function extractRole(title: string | null, text: string): Found<{ roleFamily: RoleFamily; isMlRole: boolean }> | null {
  if (title) {
    const f = familyOf(title, text);
    if (f) return f;
    return { value: { roleFamily: 'other', isMlRole: false }, rule: 'title:other, not an engineering or science role', evidence: title };
  }
  // No title: the first hiring phrase that names a role.
  for (const m of text.slice(0, 3000).matchAll(PATTERNS.textHiring)) {
    const f = familyOf(m[1]!, text);
    if (f) return { ...f, rule: f.rule.replace(/^title:/, 'text:'), evidence: m[0] };
  }
  return null;
}
