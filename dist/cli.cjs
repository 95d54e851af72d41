#!/usr/bin/env node
"use strict";var W=Object.create;var C=Object.defineProperty;var Y=Object.getOwnPropertyDescriptor;var q=Object.getOwnPropertyNames;var U=Object.getPrototypeOf,B=Object.prototype.hasOwnProperty;var V=(e,t,n,i)=>{if(t&&typeof t=="object"||typeof t=="function")for(let r of q(t))!B.call(e,r)&&r!==n&&C(e,r,{get:()=>t[r],enumerable:!(i=Y(t,r))||i.enumerable});return e};var J=(e,t,n)=>(n=e!=null?W(U(e)):{},V(t||!e||!e.__esModule?C(n,"default",{value:e,enumerable:!0}):n,e));var b=require("node:crypto"),l=require("node:fs"),m=J(require("node:module"),1),u=require("node:path"),H=require("node:vm");var M=require("node:util");var S=["stylish","json","github","sarif","junit","gitlab","html"],F=["table","json","cyclonedx"],E=["table","json"],g=["iso42001","eu-ai-act","nist-ai-rmf","iso23894","iso42005"];var o=class extends Error{};var k=`aimslint \u2014 policy as code for ISO/IEC 42001 AI governance artefacts: model cards, impact
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
  -f, --format <name>      Output format: ${S.join(", ").replace("stylish","stylish (default)")}
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
      --framework <name>   Group the findings by the references of a framework: ${g.slice(0,3).join(", ")},
                           ${g.slice(3).join(", ")} (stylish and html; JSON and SARIF carry them all)
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
`,K={format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},config:{type:"string",short:"c"},"print-config":{type:"string"},rule:{type:"string",multiple:!0},"ignore-pattern":{type:"string",multiple:!0},"no-error-on-unmatched-pattern":{type:"boolean"},stdin:{type:"boolean"},"stdin-filename":{type:"string"},quiet:{type:"boolean",short:"q"},"max-warnings":{type:"string"},"max-file-size":{type:"string"},"max-findings-per-file":{type:"string"},today:{type:"string"},"no-inline-config":{type:"boolean"},"no-cache":{type:"boolean"},baseline:{type:"string"},"no-baseline":{type:"boolean"},prune:{type:"boolean"},"changed-since":{type:"string"},color:{type:"boolean"},framework:{type:"string"},compare:{type:"string"},"no-color":{type:"boolean"},debug:{type:"boolean"},version:{type:"boolean",short:"v"},help:{type:"boolean",short:"h"}},z=["rules","explain","init","inventory","baseline","report","help"];function G(e){try{return(0,M.parseArgs)({args:[...e],allowPositionals:!0,strict:!0,options:K})}catch(t){throw new o(t.message.replace(/\. To specify a positional argument.*$/s,"."))}}function v(e){let t=G(e),{values:n}=t,i=t.positionals,r=n.help?"help":n.version?"version":"lint";if(r==="lint"&&z.includes(i[0]??"")){if(r=i[0],i=i.slice(1),r==="explain"&&i.length!==1)throw new o('"explain" takes one rule id, e.g. aimslint explain risk/treatment-complete.');if(r==="baseline"&&i.length>0)throw new o('"baseline" takes no paths: it accepts the findings of the whole project.');if(r==="init"&&i.length>1)throw new o('"init" takes at most one folder, e.g. aimslint init or aimslint init compliance/.')}if(n.prune&&r!=="baseline")throw new o('--prune belongs to "aimslint baseline --prune".');if(n["changed-since"]!==void 0&&(n["changed-since"]===""||n["changed-since"].startsWith("-")))throw new o(`--changed-since takes a git ref, got "${n["changed-since"]}".`);if(n["print-config"]!==void 0&&r==="lint"){if(i.length>0)throw new o("--print-config takes one file and no other paths, e.g. aimslint --print-config risks/RISK-7.yaml.");r="print-config"}if(!!n.stdin!=(n["stdin-filename"]!==void 0))throw new o(n.stdin?"--stdin needs --stdin-filename <path>: the file the text stands for (its kind and its rules depend on it).":"--stdin-filename goes with --stdin.");if(n.stdin&&(r!=="lint"||i.length>0))throw new o("--stdin checks standard input only: name no paths and no command with it.");if(n["output-file"]!==void 0&&r==="init")throw new o('"init" writes its own files; -o is for reports.');let c=r==="inventory"?F:r==="rules"?E:S;if(r==="report"&&n.format!==void 0&&n.format!=="html")throw new o('"report" writes HTML; for other formats run aimslint --format <name>.');let d=r==="report"?"html":n.format??c[0];if(!c.includes(d))throw new o(`Unknown format "${d}"${r==="inventory"||r==="rules"?` for ${r}`:""}; expected one of ${c.join(", ")}.`);if(n.today!==void 0&&!/^\d{4}-\d{2}-\d{2}$/.test(n.today))throw new o(`--today takes a date written YYYY-MM-DD, got "${n.today}".`);let f=n.framework;if(f!==void 0){if(!g.includes(f))throw new o(`Unknown framework "${f}"; expected one of ${g.join(", ")}.`);if(!((r==="lint"||r==="report")&&(d==="stylish"||d==="html")))throw new o("--framework groups the stylish output of a check and the HTML report; JSON and SARIF carry every framework's references.")}if(n.compare!==void 0&&d!=="html")throw new o("--compare belongs to the HTML report: aimslint report -o report.html --compare earlier.json.");return{command:r,paths:i,format:d,quiet:n.quiet??!1,maxWarnings:x(n["max-warnings"],"--max-warnings"),maxFileBytes:x(n["max-file-size"],"--max-file-size"),maxFindingsPerFile:x(n["max-findings-per-file"],"--max-findings-per-file",1),color:n["no-color"]?!1:n.color?!0:void 0,config:n.config,today:n.today,noInlineConfig:n["no-inline-config"]??!1,cache:!(n["no-cache"]??!1),baseline:n["no-baseline"]?!1:n.baseline,prune:n.prune??!1,changedSince:n["changed-since"],outputFile:y(n["output-file"],"-o, --output-file"),printConfig:y(n["print-config"],"--print-config"),ignorePatterns:(n["ignore-pattern"]??[]).map(a=>y(a,"--ignore-pattern")),errorOnUnmatched:!(n["no-error-on-unmatched-pattern"]??!1),stdinFilename:y(n["stdin-filename"],"--stdin-filename"),rules:n.rule??[],debug:n.debug??!1,...f!==void 0?{framework:f}:{},...n.compare!==void 0?{compare:y(n.compare,"--compare")}:{}}}function y(e,t){if(e==="")throw new o(`${t} takes a ${t==="--ignore-pattern"?"glob":"path"}, got nothing.`);return e}function x(e,t,n=0){if(e!==void 0){if(!/^\d+$/.test(e)||Number(e)<n)throw new o(`${t} takes a whole number${n>0?` of at least ${n}`:""}, got "${e}".`);return Number(e)}}var N="0.1.0";var s=require("node:fs"),$=require("node:os"),w=require("node:path");function T(e){if(e.AIMSLINT_CACHE_DIR)return e.AIMSLINT_CACHE_DIR;if(process.platform==="win32")return e.LOCALAPPDATA?(0,w.join)(e.LOCALAPPDATA,"aimslint","Cache"):void 0;if(e.XDG_CACHE_HOME)return(0,w.join)(e.XDG_CACHE_HOME,"aimslint");let t=e.HOME??X();if(t)return process.platform==="darwin"?(0,w.join)(t,"Library","Caches","aimslint"):(0,w.join)(t,".cache","aimslint")}function X(){try{return(0,$.homedir)()||void 0}catch{return}}function O(e,t=!0){let n;try{t&&(0,s.mkdirSync)(e,{recursive:!0,mode:448}),n=(0,s.statSync)(e)}catch(r){return{untrusted:!1,why:`the cache folder ${e} cannot be used (${r.code??String(r)})`}}let i=L(n,`the cache folder ${e}`);return i===void 0?void 0:{untrusted:!0,why:i}}function L(e,t){let n=process.getuid?.();if(n!==void 0){if(e.uid!==n)return`${t} belongs to another user (uid ${e.uid})`;if((e.mode&18)!==0)return`${t} may be written by group or others (mode ${(e.mode&511).toString(8)})`}}function j(e){let t;try{t=(0,s.openSync)(e,s.constants.O_RDONLY|(s.constants.O_NOFOLLOW??0));let n=(0,s.fstatSync)(t);return!n.isFile()||L(n,e)?void 0:(0,s.readFileSync)(t)}catch{return}finally{t!==void 0&&(0,s.closeSync)(t)}}function P(e){return(0,s.openSync)(e,s.constants.O_WRONLY|s.constants.O_CREAT|s.constants.O_EXCL|(s.constants.O_NOFOLLOW??0),384)}var p=(0,u.join)(__dirname,"cli-main.cjs"),Q=4;function Z(e){if(!e)return;let t=e.cache?T(process.env):void 0;return t===void 0?void 0:{root:t,dir:(0,u.join)(t,"code"),write:e.command==="lint"}}function _(e,t){return O(e.root,t)===void 0&&O(e.dir,t)===void 0}var I="aimslint-v8cache-1",R=I.length+1+64+1+64+1;function ee(e,t){if(!e||e.length<=R)return;let[n,i,r]=e.subarray(0,R-1).toString("latin1").split(" "),c=e.subarray(R);if(!(n!==I||i!==t||r!==(0,b.createHash)("sha256").update(c).digest("hex")))return c}function ne(){try{return v(process.argv.slice(2))}catch{return}}function te(){let e=ne();if(e?.command==="version")return void process.stdout.write(`${N}
`);if(e?.command==="help")return void process.stdout.write(k);let t=Z(e),n=m.default.enableCompileCache;if(t===void 0||n){t?.write&&_(t,!0)&&A(()=>n?.(t.dir)),(0,m.createRequire)(__filename)(p);return}let i=(0,l.readFileSync)(p,"latin1"),r=(0,b.createHash)("sha256").update(`${process.version}\0${process.arch}\0${re(i)}`).digest("hex"),c=(0,u.join)(t.dir,`${r.slice(0,32)}.v8cache`),d=_(t,!1)?ee(j(c),r):void 0,f=new H.Script(m.default.wrap(i),{filename:p,...d?{cachedData:d}:{}});t.write&&(!d||f.cachedDataRejected)&&process.once("exit",()=>A(()=>_(t,!0)&&ie(t.dir,c,r,f)));let a=f.runInThisContext(),h={exports:{}};a.call(h.exports,h.exports,(0,m.createRequire)(p),h,p,__dirname)}function re(e){let t=(0,l.statSync)(p);return`c13c78155ef81d08e40d1139619c89e9dd8727b20347728765b3691b72df1cdf\0${t.size}\0${t.mtimeMs}\0${e.length}`}function ie(e,t,n,i){let r=i.createCachedData(),c=Buffer.from(`${I} ${n} ${(0,b.createHash)("sha256").update(r).digest("hex")}
`,"latin1"),d=`${t}.${process.pid}.tmp`;(0,l.rmSync)(d,{force:!0});try{let a=P(d);try{D(a,c),D(a,r)}finally{(0,l.closeSync)(a)}(0,l.renameSync)(d,t)}finally{(0,l.rmSync)(d,{force:!0})}let f=(0,l.readdirSync)(e).filter(a=>a.endsWith(".v8cache")&&(0,u.join)(e,a)!==t).map(a=>({path:(0,u.join)(e,a),written:A(()=>(0,l.statSync)((0,u.join)(e,a)).mtimeMs)??0})).sort((a,h)=>h.written-a.written);for(let a of f.slice(Q-1))(0,l.rmSync)(a.path,{force:!0})}function D(e,t){for(let n=0;n<t.length;)n+=(0,l.writeSync)(e,t,n,t.length-n)}function A(e){try{return e()}catch{return}}try{te()}catch(e){process.stderr.write(`aimslint: internal error: ${String(e)}
`),process.exitCode=2}
