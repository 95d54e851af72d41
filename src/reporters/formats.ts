// The names of the output formats, apart from the reporters themselves: the command-line parser (which the
// `aimslint` loader runs before anything is compiled) needs the names, not the code.
export const FORMATS = ["stylish", "json", "github", "sarif", "junit", "gitlab", "html"] as const;
export type Format = (typeof FORMATS)[number];

/** What `aimslint inventory` prints (reporters/inventory.ts). */
export const INVENTORY_FORMATS = ["table", "json", "cyclonedx"] as const;
export type InventoryFormat = (typeof INVENTORY_FORMATS)[number];

/** What `aimslint rules` prints. */
export const RULES_FORMATS = ["table", "json"] as const;
export type RulesFormat = (typeof RULES_FORMATS)[number];

/** The frameworks `--framework` groups stylish output and the HTML report by: ISO/IEC 42001 itself, or one it is crosswalked to. */
export const REPORT_FRAMEWORKS = ["iso42001", "eu-ai-act", "nist-ai-rmf", "iso23894", "iso42005"] as const;
export type ReportFramework = (typeof REPORT_FRAMEWORKS)[number];
