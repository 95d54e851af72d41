#!/usr/bin/env node
"use strict";var L=Object.create;var A=Object.defineProperty;var H=Object.getOwnPropertyDescriptor;var W=Object.getOwnPropertyNames;var Y=Object.getPrototypeOf,q=Object.prototype.hasOwnProperty;var U=(e,t,n,r)=>{if(t&&typeof t=="object"||typeof t=="function")for(let i of W(t))!q.call(e,i)&&i!==n&&A(e,i,{get:()=>t[i],enumerable:!(r=H(t,i))||r.enumerable});return e};var B=(e,t,n)=>(n=e!=null?L(Y(e)):{},U(t||!e||!e.__esModule?A(n,"default",{value:e,enumerable:!0}):n,e));var b=require("node:crypto"),l=require("node:fs"),p=B(require("node:module"),1),u=require("node:path"),T=require("node:vm");var v=require("node:util");var w=["stylish","json","github","sarif","junit","gitlab"],k=["table","json","cyclonedx"],E=["table","json"],m=["iso42001","eu-ai-act","nist-ai-rmf","iso23894","iso42005"];var a=class extends Error{};var re=`aimslint \u2014 policy as code for ISO/IEC 42001 AI governance artefacts: model cards, impact
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
  aimslint help                     Print this help

Options:
  -f, --format <name>      Output format: ${w.join(", ").replace("stylish","stylish (default)")}
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
      --framework <name>   Group the findings by the references of a framework: ${m.slice(0,3).join(", ")},
                           ${m.slice(3).join(", ")} (stylish output; JSON and SARIF carry them all)
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
  aimslint --print-config risks/RISK-7.yaml  what applies to one file
  cat card.md | aimslint --stdin --stdin-filename models/bot/README.md
  aimslint explain risk/treatment-complete   why a rule exists and how to fix its findings
`,J={format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},config:{type:"string",short:"c"},"print-config":{type:"string"},rule:{type:"string",multiple:!0},"ignore-pattern":{type:"string",multiple:!0},"no-error-on-unmatched-pattern":{type:"boolean"},stdin:{type:"boolean"},"stdin-filename":{type:"string"},quiet:{type:"boolean",short:"q"},"max-warnings":{type:"string"},"max-file-size":{type:"string"},"max-findings-per-file":{type:"string"},today:{type:"string"},"no-inline-config":{type:"boolean"},"no-cache":{type:"boolean"},baseline:{type:"string"},"no-baseline":{type:"boolean"},prune:{type:"boolean"},"changed-since":{type:"string"},color:{type:"boolean"},framework:{type:"string"},"no-color":{type:"boolean"},debug:{type:"boolean"},version:{type:"boolean",short:"v"},help:{type:"boolean",short:"h"}},K=["rules","explain","init","inventory","baseline","help"];function z(e){try{return(0,v.parseArgs)({args:[...e],allowPositionals:!0,strict:!0,options:J})}catch(t){throw new a(t.message.replace(/\. To specify a positional argument.*$/s,"."))}}function I(e){let t=z(e),{values:n}=t,r=t.positionals,i=n.help?"help":n.version?"version":"lint";if(i==="lint"&&K.includes(r[0]??"")){if(i=r[0],r=r.slice(1),i==="explain"&&r.length!==1)throw new a('"explain" takes one rule id, e.g. aimslint explain risk/treatment-complete.');if(i==="baseline"&&r.length>0)throw new a('"baseline" takes no paths: it accepts the findings of the whole project.');if(i==="init"&&r.length>1)throw new a('"init" takes at most one folder, e.g. aimslint init or aimslint init compliance/.')}if(n.prune&&i!=="baseline")throw new a('--prune belongs to "aimslint baseline --prune".');if(n["changed-since"]!==void 0&&(n["changed-since"]===""||n["changed-since"].startsWith("-")))throw new a(`--changed-since takes a git ref, got "${n["changed-since"]}".`);if(n["print-config"]!==void 0&&i==="lint"){if(r.length>0)throw new a("--print-config takes one file and no other paths, e.g. aimslint --print-config risks/RISK-7.yaml.");i="print-config"}if(!!n.stdin!=(n["stdin-filename"]!==void 0))throw new a(n.stdin?"--stdin needs --stdin-filename <path>: the file the text stands for (its kind and its rules depend on it).":"--stdin-filename goes with --stdin.");if(n.stdin&&(i!=="lint"||r.length>0))throw new a("--stdin checks standard input only: name no paths and no command with it.");if(n["output-file"]!==void 0&&i==="init")throw new a('"init" writes its own files; -o is for reports.');let c=i==="inventory"?k:i==="rules"?E:w,d=n.format??c[0];if(!c.includes(d))throw new a(`Unknown format "${d}"${i==="inventory"||i==="rules"?` for ${i}`:""}; expected one of ${c.join(", ")}.`);if(n.today!==void 0&&!/^\d{4}-\d{2}-\d{2}$/.test(n.today))throw new a(`--today takes a date written YYYY-MM-DD, got "${n.today}".`);let f=n.framework;if(f!==void 0){if(!m.includes(f))throw new a(`Unknown framework "${f}"; expected one of ${m.join(", ")}.`);if(i!=="lint"||d!=="stylish")throw new a("--framework groups the stylish output of a check; JSON and SARIF carry every framework's references.")}return{command:i,paths:r,format:d,quiet:n.quiet??!1,maxWarnings:x(n["max-warnings"],"--max-warnings"),maxFileBytes:x(n["max-file-size"],"--max-file-size"),maxFindingsPerFile:x(n["max-findings-per-file"],"--max-findings-per-file",1),color:n["no-color"]?!1:n.color?!0:void 0,config:n.config,today:n.today,noInlineConfig:n["no-inline-config"]??!1,cache:!(n["no-cache"]??!1),baseline:n["no-baseline"]?!1:n.baseline,prune:n.prune??!1,changedSince:n["changed-since"],outputFile:y(n["output-file"],"-o, --output-file"),printConfig:y(n["print-config"],"--print-config"),ignorePatterns:(n["ignore-pattern"]??[]).map(s=>y(s,"--ignore-pattern")),errorOnUnmatched:!(n["no-error-on-unmatched-pattern"]??!1),stdinFilename:y(n["stdin-filename"],"--stdin-filename"),rules:n.rule??[],debug:n.debug??!1,...f!==void 0?{framework:f}:{}}}function y(e,t){if(e==="")throw new a(`${t} takes a ${t==="--ignore-pattern"?"glob":"path"}, got nothing.`);return e}function x(e,t,n=0){if(e!==void 0){if(!/^\d+$/.test(e)||Number(e)<n)throw new a(`${t} takes a whole number${n>0?` of at least ${n}`:""}, got "${e}".`);return Number(e)}}var o=require("node:fs"),$=require("node:os"),h=require("node:path");function _(e){if(e.AIMSLINT_CACHE_DIR)return e.AIMSLINT_CACHE_DIR;if(process.platform==="win32")return e.LOCALAPPDATA?(0,h.join)(e.LOCALAPPDATA,"aimslint","Cache"):void 0;if(e.XDG_CACHE_HOME)return(0,h.join)(e.XDG_CACHE_HOME,"aimslint");let t=e.HOME??G();if(t)return process.platform==="darwin"?(0,h.join)(t,"Library","Caches","aimslint"):(0,h.join)(t,".cache","aimslint")}function G(){try{return(0,$.homedir)()||void 0}catch{return}}function S(e,t=!0){let n;try{t&&(0,o.mkdirSync)(e,{recursive:!0,mode:448}),n=(0,o.statSync)(e)}catch(i){return{untrusted:!1,why:`the cache folder ${e} cannot be used (${i.code??String(i)})`}}let r=M(n,`the cache folder ${e}`);return r===void 0?void 0:{untrusted:!0,why:r}}function M(e,t){let n=process.getuid?.();if(n!==void 0){if(e.uid!==n)return`${t} belongs to another user (uid ${e.uid})`;if((e.mode&18)!==0)return`${t} may be written by group or others (mode ${(e.mode&511).toString(8)})`}}function P(e){let t;try{t=(0,o.openSync)(e,o.constants.O_RDONLY|(o.constants.O_NOFOLLOW??0));let n=(0,o.fstatSync)(t);return!n.isFile()||M(n,e)?void 0:(0,o.readFileSync)(t)}catch{return}finally{t!==void 0&&(0,o.closeSync)(t)}}function j(e){return(0,o.openSync)(e,o.constants.O_WRONLY|o.constants.O_CREAT|o.constants.O_EXCL|(o.constants.O_NOFOLLOW??0),384)}var g=(0,u.join)(__dirname,"cli-main.cjs"),V=4;function X(){let e;try{e=I(process.argv.slice(2))}catch{return}let t=e.cache?_(process.env):void 0;return t===void 0?void 0:{root:t,dir:(0,u.join)(t,"code"),write:e.command==="lint"}}function O(e,t){return S(e.root,t)===void 0&&S(e.dir,t)===void 0}var F="aimslint-v8cache-1",R=F.length+1+64+1+64+1;function Q(e,t){if(!e||e.length<=R)return;let[n,r,i]=e.subarray(0,R-1).toString("latin1").split(" "),c=e.subarray(R);if(!(n!==F||r!==t||i!==(0,b.createHash)("sha256").update(c).digest("hex")))return c}function Z(){let e=X(),t=p.default.enableCompileCache;if(e===void 0||t){e?.write&&O(e,!0)&&C(()=>t?.(e.dir)),(0,p.createRequire)(__filename)(g);return}let n=(0,l.readFileSync)(g,"utf8"),r=(0,b.createHash)("sha256").update(`${process.version}\0${process.arch}\0`).update(n).digest("hex"),i=(0,u.join)(e.dir,`${r.slice(0,32)}.v8cache`),c=O(e,!1)?Q(P(i),r):void 0,d=new T.Script(p.default.wrap(n),{filename:g,...c?{cachedData:c}:{}});e.write&&(!c||d.cachedDataRejected)&&process.once("exit",()=>C(()=>O(e,!0)&&ee(e.dir,i,r,d)));let f=d.runInThisContext(),s={exports:{}};f.call(s.exports,s.exports,(0,p.createRequire)(g),s,g,__dirname)}function ee(e,t,n,r){let i=r.createCachedData(),c=Buffer.from(`${F} ${n} ${(0,b.createHash)("sha256").update(i).digest("hex")}
`,"latin1"),d=`${t}.${process.pid}.tmp`;(0,l.rmSync)(d,{force:!0});try{let s=j(d);try{N(s,c),N(s,i)}finally{(0,l.closeSync)(s)}(0,l.renameSync)(d,t)}finally{(0,l.rmSync)(d,{force:!0})}let f=(0,l.readdirSync)(e).filter(s=>s.endsWith(".v8cache")&&(0,u.join)(e,s)!==t).map(s=>({path:(0,u.join)(e,s),written:C(()=>(0,l.statSync)((0,u.join)(e,s)).mtimeMs)??0})).sort((s,D)=>D.written-s.written);for(let s of f.slice(V-1))(0,l.rmSync)(s.path,{force:!0})}function N(e,t){for(let n=0;n<t.length;)n+=(0,l.writeSync)(e,t,n,t.length-n)}function C(e){try{return e()}catch{return}}try{Z()}catch(e){process.stderr.write(`aimslint: internal error: ${String(e)}
`),process.exitCode=2}
