// Types of evaluated-props.mjs (plain JavaScript so that scripts/build.mjs can import it).
export declare function withPrototypeFreeProps(code: string): string;
