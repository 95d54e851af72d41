// ISO/IEC 42001:2023 clause and Annex A numbers with short titles (numbers and titles only; no standard text).

export const CLAUSES: Record<string, string> = {
  "4.1": "Understanding the organization and its context",
  "4.2": "Needs and expectations of interested parties",
  "4.3": "Determining the scope of the AI management system",
  "4.4": "AI management system",
  "5.1": "Leadership and commitment",
  "5.2": "AI policy",
  "5.3": "Roles, responsibilities and authorities",
  "6.1.1": "Actions to address risks and opportunities: general",
  "6.1.2": "AI risk assessment",
  "6.1.3": "AI risk treatment",
  "6.1.4": "AI system impact assessment",
  "6.2": "AI objectives and planning to achieve them",
  "6.3": "Planning of changes",
  "7.1": "Resources",
  "7.2": "Competence",
  "7.3": "Awareness",
  "7.4": "Communication",
  "7.5": "Documented information",
  "7.5.2": "Creating and updating documented information",
  "7.5.3": "Control of documented information",
  "8.1": "Operational planning and control",
  "8.2": "AI risk assessment (operation)",
  "8.3": "AI risk treatment (operation)",
  "8.4": "AI system impact assessment (operation)",
  "9.1": "Monitoring, measurement, analysis and evaluation",
  "9.2": "Internal audit",
  "9.3": "Management review",
  "10.1": "Continual improvement",
  "10.2": "Nonconformity and corrective action",
};

/** The headings of clauses 4 to 10. */
export const CLAUSE_HEADINGS: Record<string, string> = {
  "4": "Context of the organization",
  "5": "Leadership",
  "6": "Planning",
  "7": "Support",
  "8": "Operation",
  "9": "Performance evaluation",
  "10": "Improvement",
};

export const ANNEX_A: Record<string, string> = {
  "A.2.2": "AI policy",
  "A.2.3": "Alignment with other organizational policies",
  "A.2.4": "Review of the AI policy",
  "A.3.2": "AI roles and responsibilities",
  "A.3.3": "Reporting of concerns",
  "A.4.2": "Resource documentation",
  "A.4.3": "Data resources",
  "A.4.4": "Tooling resources",
  "A.4.5": "System and computing resources",
  "A.4.6": "Human resources",
  "A.5.2": "AI system impact assessment process",
  "A.5.3": "Documentation of AI system impact assessments",
  "A.5.4": "Assessing AI system impact on individuals or groups of individuals",
  "A.5.5": "Assessing societal impacts of AI systems",
  "A.6.1.2": "Objectives for responsible development of AI system",
  "A.6.1.3": "Processes for responsible AI system design and development",
  "A.6.2.2": "AI system requirements and specification",
  "A.6.2.3": "Documentation of AI system design and development",
  "A.6.2.4": "AI system verification and validation",
  "A.6.2.5": "AI system deployment",
  "A.6.2.6": "AI system operation and monitoring",
  "A.6.2.7": "AI system technical documentation",
  "A.6.2.8": "AI system recording of event logs",
  "A.7.2": "Data for development and enhancement of AI system",
  "A.7.3": "Acquisition of data",
  "A.7.4": "Quality of data for AI systems",
  "A.7.5": "Data provenance",
  "A.7.6": "Data preparation",
  "A.8.2": "System documentation and information for users",
  "A.8.3": "External reporting",
  "A.8.4": "Communication of incidents",
  "A.8.5": "Information for interested parties",
  "A.9.2": "Processes for responsible use of AI systems",
  "A.9.3": "Objectives for responsible use of AI system",
  "A.9.4": "Intended use of the AI system",
  "A.10.2": "Allocating responsibilities",
  "A.10.3": "Suppliers",
  "A.10.4": "Customers",
};

export const ANNEX_A_OBJECTIVES: Record<string, string> = {
  "A.2": "Policies related to AI",
  "A.3": "Internal organization",
  "A.4": "Resources for AI systems",
  "A.5": "Assessing impacts of AI systems",
  "A.6": "AI system life cycle and development",
  "A.7": "Data for AI systems",
  "A.8": "Information for interested parties of AI systems",
  "A.9": "Use of AI systems",
  "A.10": "Third-party and customer relationships",
};

/** True for a clause number or Annex A control or objective that exists. */
export function isIsoReference(ref: string): boolean {
  return ref in CLAUSES || ref in ANNEX_A || ref in ANNEX_A_OBJECTIVES;
}

export function titleOf(ref: string): string | undefined {
  return CLAUSES[ref] ?? ANNEX_A[ref] ?? ANNEX_A_OBJECTIVES[ref];
}

/** Clauses before Annex A controls, each in numeric order (6.1.10 after 6.1.2). */
export function compareRefs(a: string, b: string): number {
  const key = (r: string) => [r.startsWith("A.") ? 1 : 0, ...r.replace(/^A\./, "").split(".").map(Number)];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (ka[i] ?? -1) - (kb[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
