#!/usr/bin/env node
"use strict";var W=Object.create;var E=Object.defineProperty;var Y=Object.getOwnPropertyDescriptor;var q=Object.getOwnPropertyNames;var U=Object.getPrototypeOf,B=Object.prototype.hasOwnProperty;var V=(n,t,e,i)=>{if(t&&typeof t=="object"||typeof t=="function")for(let r of q(t))!B.call(n,r)&&r!==e&&E(n,r,{get:()=>t[r],enumerable:!(i=Y(t,r))||i.enumerable});return n};var J=(n,t,e)=>(e=n!=null?W(U(n)):{},V(t||!n||!n.__esModule?E(e,"default",{value:n,enumerable:!0}):e,n));var b=require("node:crypto"),l=require("node:fs"),p=J(require("node:module"),1),u=require("node:path"),H=require("node:vm");var k=require("node:util");var x=["stylish","json","github","sarif","junit","gitlab","html"],I=["table","json","cyclonedx"],_=["table","json"],h=["iso42001","eu-ai-act","nist-ai-rmf","iso23894","iso42005"];var o=class extends Error{};var v=`aimslint \u2014 policy as code for ISO/IEC 42001 AI governance artefacts: model cards, impact
assessments, risk registers, AI system records, Statement of Applicability, AI policy, data cards, suppliers.

Usage:
  aimslint [options] [paths...]     Check folders, globs or files (default: the project folder)
  aimslint rules                    List the rules with their ISO/IEC 42001 references
                                    (--format table (default) or json)
  aimslint explain <rule-id>        Print a rule's documentation
  aimslint init [dir]               Scaffold a governance folder (never overwrites existing files)
  aimslint baseline [--prune]       Accept today's findings (aimslint-baseline.json); later runs report new ones
  aimslint inventory [paths...]     List the repository's AI use by AI system record
                                    (--format table (default), json or cyclonedx)
  aimslint report [paths...] -o <file>
                                    Write the audit-readiness report: one self-contained HTML file
                                    (the same as --format html)
  aimslint help                     Print this help

Options:
  -f, --format <name>      Output format: ${x.join(", ").replace("stylish","stylish (default)")}
  -o, --output-file <path> Write the report to this file instead of standard output
  -c, --config <file>      Use this configuration instead of the nearest aimslint.config.yaml
      --print-config <file>
                           Print the rules, severities and options that apply to the file, as JSON
      --rule <setting>     Set a rule for this run, over the configuration: 'risk/review-current: error',
                           'doc/metadata: off', '{"risk/review-current": {"severity": "warning"}}' (repeatable)
      --ignore-pattern <glob>
                           Skip files matching the glob (relative to this folder; repeatable)
      --no-error-on-unmatched-pattern
                           A path or glob that matches no file is left out instead of exiting 2
      --stdin              Check the text on standard input, as the file --stdin-filename names
      --stdin-filename <path>
                           Where that text belongs: its kind, its rules and the project around it
  -q, --quiet              Report errors only
      --max-warnings <n>   Exit 1 when there are more than n warnings
      --today <date>       Date that date rules compare with (YYYY-MM-DD; default today)
      --no-inline-config   Ignore aimslint-disable comments (CI can refuse local exceptions)
      --max-file-size <n>  Largest file to read, in bytes (default 4194304)
      --max-findings-per-file <n>
                           Findings listed per file; one more counts the rest (default 1000)
      --baseline <file>    Honour this baseline instead of aimslint-baseline.json at the project root
      --no-baseline        Report every finding, baselined or not
      --changed-since <ref>
                           Report only files changed since the merge base with <ref> (a branch's new findings)
      --no-cache           Read every file of the project, not the index kept from earlier runs
                           (in $AIMSLINT_CACHE_DIR, else the user cache folder, e.g. ~/.cache/aimslint)
      --color, --no-color  Force or disable colours (FORCE_COLOR and NO_COLOR are honoured)
      --debug              Print how long each stage of the run took to standard error
      --framework <name>   Group the findings by the references of a framework: ${h.slice(0,3).join(", ")},
                           ${h.slice(3).join(", ")} (stylish and html; JSON and SARIF carry them all)
      --compare <file>     HTML report: show what changed since an earlier --format json result
  -v, --version            Print the version
  -h, --help               Print this help

Files named on the command line are reported on; cross-document rules still see the whole project
(the folder of aimslint.config.yaml, else the git work tree, else the scanned folder).

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, configuration or internal error.

Examples:
  aimslint                                   check the project you are in
  aimslint governance/ 'models/**/README.md' check a folder and a glob
  aimslint --format json -o findings.json    machine-readable output, to a file
  aimslint --format junit -o aimslint.xml    a JUnit report for CI test views
  aimslint report -o report.html --compare last.json
                                             the readiness report, with the change since last.json
  aimslint --print-config risks/RISK-7.yaml  what applies to one file
  cat card.md | aimslint --stdin --stdin-filename models/bot/README.md
  aimslint explain risk/treatment-complete   why a rule exists and how to fix its findings
`,K={format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},config:{type:"string",short:"c"},"print-config":{type:"string"},rule:{type:"string",multiple:!0},"ignore-pattern":{type:"string",multiple:!0},"no-error-on-unmatched-pattern":{type:"boolean"},stdin:{type:"boolean"},"stdin-filename":{type:"string"},quiet:{type:"boolean",short:"q"},"max-warnings":{type:"string"},"max-file-size":{type:"string"},"max-findings-per-file":{type:"string"},today:{type:"string"},"no-inline-config":{type:"boolean"},"no-cache":{type:"boolean"},baseline:{type:"string"},"no-baseline":{type:"boolean"},prune:{type:"boolean"},"changed-since":{type:"string"},color:{type:"boolean"},framework:{type:"string"},compare:{type:"string"},"no-color":{type:"boolean"},debug:{type:"boolean"},version:{type:"boolean",short:"v"},help:{type:"boolean",short:"h"}},z=["rules","explain","init","inventory","baseline","report","help"];function G(n){try{return(0,k.parseArgs)({args:[...n],allowPositionals:!0,strict:!0,options:K})}catch(t){throw new o(t.message.replace(/\. To specify a positional argument.*$/s,"."))}}function M(n){let t=G(n),{values:e}=t,i=t.positionals,r=e.help?"help":e.version?"version":"lint";if(r==="lint"&&z.includes(i[0]??"")){if(r=i[0],i=i.slice(1),r==="explain"&&i.length!==1)throw new o('"explain" takes one rule id, e.g. aimslint explain risk/treatment-complete.');if(r==="baseline"&&i.length>0)throw new o('"baseline" takes no paths: it accepts the findings of the whole project.');if(r==="init"&&i.length>1)throw new o('"init" takes at most one folder, e.g. aimslint init or aimslint init compliance/.')}if(e.prune&&r!=="baseline")throw new o('--prune belongs to "aimslint baseline --prune".');if(e["changed-since"]!==void 0&&(e["changed-since"]===""||e["changed-since"].startsWith("-")))throw new o(`--changed-since takes a git ref, got "${e["changed-since"]}".`);if(e["print-config"]!==void 0&&r==="lint"){if(i.length>0)throw new o("--print-config takes one file and no other paths, e.g. aimslint --print-config risks/RISK-7.yaml.");r="print-config"}if(!!e.stdin!=(e["stdin-filename"]!==void 0))throw new o(e.stdin?"--stdin needs --stdin-filename <path>: the file the text stands for (its kind and its rules depend on it).":"--stdin-filename goes with --stdin.");if(e.stdin&&(r!=="lint"||i.length>0))throw new o("--stdin checks standard input only: name no paths and no command with it.");if(e["output-file"]!==void 0&&r==="init")throw new o('"init" writes its own files; -o is for reports.');let c=r==="inventory"?I:r==="rules"?_:x;if(r==="report"&&e.format!==void 0&&e.format!=="html")throw new o('"report" writes HTML; for other formats run aimslint --format <name>.');let d=r==="report"?"html":e.format??c[0];if(!c.includes(d))throw new o(`Unknown format "${d}"${r==="inventory"||r==="rules"?` for ${r}`:""}; expected one of ${c.join(", ")}.`);if(e.today!==void 0&&!/^\d{4}-\d{2}-\d{2}$/.test(e.today))throw new o(`--today takes a date written YYYY-MM-DD, got "${e.today}".`);let f=e.framework;if(f!==void 0){if(!h.includes(f))throw new o(`Unknown framework "${f}"; expected one of ${h.join(", ")}.`);if(!((r==="lint"||r==="report")&&(d==="stylish"||d==="html")))throw new o("--framework groups the stylish output of a check and the HTML report; JSON and SARIF carry every framework's references.")}if(e.compare!==void 0&&d!=="html")throw new o("--compare belongs to the HTML report: aimslint report -o report.html --compare earlier.json.");return{command:r,paths:i,format:d,quiet:e.quiet??!1,maxWarnings:S(e["max-warnings"],"--max-warnings"),maxFileBytes:S(e["max-file-size"],"--max-file-size"),maxFindingsPerFile:S(e["max-findings-per-file"],"--max-findings-per-file",1),color:e["no-color"]?!1:e.color?!0:void 0,config:e.config,today:e.today,noInlineConfig:e["no-inline-config"]??!1,cache:!(e["no-cache"]??!1),baseline:e["no-baseline"]?!1:e.baseline,prune:e.prune??!1,changedSince:e["changed-since"],outputFile:g(e["output-file"],"-o, --output-file"),printConfig:g(e["print-config"],"--print-config"),ignorePatterns:(e["ignore-pattern"]??[]).map(a=>g(a,"--ignore-pattern")),errorOnUnmatched:!(e["no-error-on-unmatched-pattern"]??!1),stdinFilename:g(e["stdin-filename"],"--stdin-filename"),rules:e.rule??[],debug:e.debug??!1,...f!==void 0?{framework:f}:{},...e.compare!==void 0?{compare:g(e.compare,"--compare")}:{}}}function g(n,t){if(n==="")throw new o(`${t} takes a ${t==="--ignore-pattern"?"glob":"path"}, got nothing.`);return n}function S(n,t,e=0){if(n!==void 0){if(!/^\d+$/.test(n)||Number(n)<e)throw new o(`${t} takes a whole number${e>0?` of at least ${e}`:""}, got "${n}".`);return Number(n)}}var $="0.1.0";var s=require("node:fs"),N=require("node:os"),y=require("node:path");function T(n){if(n.AIMSLINT_CACHE_DIR)return n.AIMSLINT_CACHE_DIR;if(process.platform==="win32")return n.LOCALAPPDATA?(0,y.join)(n.LOCALAPPDATA,"aimslint","Cache"):void 0;if(n.XDG_CACHE_HOME)return(0,y.join)(n.XDG_CACHE_HOME,"aimslint");let t=n.HOME??X();if(t)return process.platform==="darwin"?(0,y.join)(t,"Library","Caches","aimslint"):(0,y.join)(t,".cache","aimslint")}function X(){try{return(0,N.homedir)()||void 0}catch{return}}function O(n,t=!0){let e;try{t&&(0,s.mkdirSync)(n,{recursive:!0,mode:448}),e=(0,s.statSync)(n)}catch(r){return{untrusted:!1,why:`the cache folder ${n} cannot be used (${r.code??String(r)})`}}let i=j(e,`the cache folder ${n}`);return i===void 0?void 0:{untrusted:!0,why:i}}function j(n,t){let e=process.getuid?.();if(e!==void 0){if(n.uid!==e)return`${t} belongs to another user (uid ${n.uid})`;if((n.mode&18)!==0)return`${t} may be written by group or others (mode ${(n.mode&511).toString(8)})`}}function L(n){let t;try{t=(0,s.openSync)(n,s.constants.O_RDONLY|(s.constants.O_NOFOLLOW??0));let e=(0,s.fstatSync)(t);return!e.isFile()||j(e,n)?void 0:(0,s.readFileSync)(t)}catch{return}finally{t!==void 0&&(0,s.closeSync)(t)}}function P(n){return(0,s.openSync)(n,s.constants.O_WRONLY|s.constants.O_CREAT|s.constants.O_EXCL|(s.constants.O_NOFOLLOW??0),384)}var w=(0,u.join)(__dirname,"cli-main.cjs"),Q=4;function Z(n){if(!n)return;let t=n.cache?T(process.env):void 0;return t===void 0?void 0:{root:t,dir:(0,u.join)(t,"code"),write:n.command==="lint"}}function R(n,t){return O(n.root,t)===void 0&&O(n.dir,t)===void 0}var A="aimslint-v8cache-1",C=A.length+1+64+1+64+1;function ee(n,t){if(!n||n.length<=C)return;let[e,i,r]=n.subarray(0,C-1).toString("latin1").split(" "),c=n.subarray(C);if(!(e!==A||i!==t||r!==(0,b.createHash)("sha256").update(c).digest("hex")))return c}function ne(){try{return M(process.argv.slice(2))}catch{return}}function te(){let n=ne();if(n?.command==="version")return void process.stdout.write(`${$}
`);if(n?.command==="help")return void process.stdout.write(v);let t=Z(n),e=p.default.enableCompileCache;if(t===void 0||e){t?.write&&R(t,!0)&&F(()=>e?.(t.dir)),(0,p.createRequire)(__filename)(w);return}let i=(0,l.readFileSync)(w,"utf8"),r=(0,b.createHash)("sha256").update(`${process.version}\0${process.arch}\0`).update(i).digest("hex"),c=(0,u.join)(t.dir,`${r.slice(0,32)}.v8cache`),d=R(t,!1)?ee(L(c),r):void 0,f=new H.Script(p.default.wrap(i),{filename:w,...d?{cachedData:d}:{}});t.write&&(!d||f.cachedDataRejected)&&process.once("exit",()=>F(()=>R(t,!0)&&re(t.dir,c,r,f)));let a=f.runInThisContext(),m={exports:{}};a.call(m.exports,m.exports,(0,p.createRequire)(w),m,w,__dirname)}function re(n,t,e,i){let r=i.createCachedData(),c=Buffer.from(`${A} ${e} ${(0,b.createHash)("sha256").update(r).digest("hex")}
`,"latin1"),d=`${t}.${process.pid}.tmp`;(0,l.rmSync)(d,{force:!0});try{let a=P(d);try{D(a,c),D(a,r)}finally{(0,l.closeSync)(a)}(0,l.renameSync)(d,t)}finally{(0,l.rmSync)(d,{force:!0})}let f=(0,l.readdirSync)(n).filter(a=>a.endsWith(".v8cache")&&(0,u.join)(n,a)!==t).map(a=>({path:(0,u.join)(n,a),written:F(()=>(0,l.statSync)((0,u.join)(n,a)).mtimeMs)??0})).sort((a,m)=>m.written-a.written);for(let a of f.slice(Q-1))(0,l.rmSync)(a.path,{force:!0})}function D(n,t){for(let e=0;e<t.length;)e+=(0,l.writeSync)(n,t,e,t.length-e)}function F(n){try{return n()}catch{return}}try{te()}catch(n){process.stderr.write(`aimslint: internal error: ${String(n)}
`),process.exitCode=2}
