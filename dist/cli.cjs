#!/usr/bin/env node
"use strict";var L=Object.create;var A=Object.defineProperty;var j=Object.getOwnPropertyDescriptor;var Y=Object.getOwnPropertyNames;var H=Object.getPrototypeOf,q=Object.prototype.hasOwnProperty;var W=(e,n,t,r)=>{if(n&&typeof n=="object"||typeof n=="function")for(let i of Y(n))!q.call(e,i)&&i!==t&&A(e,i,{get:()=>n[i],enumerable:!(r=j(n,i))||r.enumerable});return e};var U=(e,n,t)=>(t=e!=null?L(H(e)):{},W(n||!e||!e.__esModule?A(t,"default",{value:e,enumerable:!0}):t,e));var y=require("node:crypto"),a=require("node:fs"),u=U(require("node:module"),1),f=require("node:path"),N=require("node:vm");var E=require("node:util");var b=["stylish","json","github","sarif","junit","gitlab"],v=["table","json","cyclonedx"],R=["table","json"];var l=class extends Error{};var ie=`aimslint \u2014 policy as code for ISO/IEC 42001 AI governance artefacts: model cards, impact
assessments, risk registers, AI system records, Statement of Applicability, AI policy, data cards, suppliers.

Usage:
  aimslint [options] [paths...]     Check folders, globs or files (default: the project folder)
  aimslint rules                    List the rules with their ISO/IEC 42001 references
                                    (--format table (default) or json)
  aimslint explain <rule-id>        Print a rule's documentation
  aimslint init [dir]               Scaffold a governance folder (never overwrites existing files)
  aimslint inventory [paths...]     List the repository's AI use by AI system record
                                    (--format table (default), json or cyclonedx)
  aimslint help                     Print this help

Options:
  -f, --format <name>      Output format: ${b.join(", ").replace("stylish","stylish (default)")}
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
      --no-cache           Read every file of the project, not the index kept from earlier runs
                           (in $AIMSLINT_CACHE_DIR, else the user cache folder, e.g. ~/.cache/aimslint)
      --color, --no-color  Force or disable colours (FORCE_COLOR and NO_COLOR are honoured)
      --debug              Print how long each stage of the run took to standard error
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
`,B={format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},config:{type:"string",short:"c"},"print-config":{type:"string"},rule:{type:"string",multiple:!0},"ignore-pattern":{type:"string",multiple:!0},"no-error-on-unmatched-pattern":{type:"boolean"},stdin:{type:"boolean"},"stdin-filename":{type:"string"},quiet:{type:"boolean",short:"q"},"max-warnings":{type:"string"},"max-file-size":{type:"string"},"max-findings-per-file":{type:"string"},today:{type:"string"},"no-inline-config":{type:"boolean"},"no-cache":{type:"boolean"},color:{type:"boolean"},"no-color":{type:"boolean"},debug:{type:"boolean"},version:{type:"boolean",short:"v"},help:{type:"boolean",short:"h"}},J=["rules","explain","init","inventory","help"];function z(e){try{return(0,E.parseArgs)({args:[...e],allowPositionals:!0,strict:!0,options:B})}catch(n){throw new l(n.message.replace(/\. To specify a positional argument.*$/s,"."))}}function I(e){let n=z(e),{values:t}=n,r=n.positionals,i=t.help?"help":t.version?"version":"lint";if(i==="lint"&&J.includes(r[0]??"")){if(i=r[0],r=r.slice(1),i==="explain"&&r.length!==1)throw new l('"explain" takes one rule id, e.g. aimslint explain risk/treatment-complete.');if(i==="init"&&r.length>1)throw new l('"init" takes at most one folder, e.g. aimslint init or aimslint init compliance/.')}if(t["print-config"]!==void 0&&i==="lint"){if(r.length>0)throw new l("--print-config takes one file and no other paths, e.g. aimslint --print-config risks/RISK-7.yaml.");i="print-config"}if(!!t.stdin!=(t["stdin-filename"]!==void 0))throw new l(t.stdin?"--stdin needs --stdin-filename <path>: the file the text stands for (its kind and its rules depend on it).":"--stdin-filename goes with --stdin.");if(t.stdin&&(i!=="lint"||r.length>0))throw new l("--stdin checks standard input only: name no paths and no command with it.");if(t["output-file"]!==void 0&&i==="init")throw new l('"init" writes its own files; -o is for reports.');let d=i==="inventory"?v:i==="rules"?R:b,c=t.format??d[0];if(!d.includes(c))throw new l(`Unknown format "${c}"${i==="inventory"||i==="rules"?` for ${i}`:""}; expected one of ${d.join(", ")}.`);if(t.today!==void 0&&!/^\d{4}-\d{2}-\d{2}$/.test(t.today))throw new l(`--today takes a date written YYYY-MM-DD, got "${t.today}".`);return{command:i,paths:r,format:c,quiet:t.quiet??!1,maxWarnings:x(t["max-warnings"],"--max-warnings"),maxFileBytes:x(t["max-file-size"],"--max-file-size"),maxFindingsPerFile:x(t["max-findings-per-file"],"--max-findings-per-file",1),color:t["no-color"]?!1:t.color?!0:void 0,config:t.config,today:t.today,noInlineConfig:t["no-inline-config"]??!1,cache:!(t["no-cache"]??!1),outputFile:g(t["output-file"],"-o, --output-file"),printConfig:g(t["print-config"],"--print-config"),ignorePatterns:(t["ignore-pattern"]??[]).map(p=>g(p,"--ignore-pattern")),errorOnUnmatched:!(t["no-error-on-unmatched-pattern"]??!1),stdinFilename:g(t["stdin-filename"],"--stdin-filename"),rules:t.rule??[],debug:t.debug??!1}}function g(e,n){if(e==="")throw new l(`${n} takes a ${n==="--ignore-pattern"?"glob":"path"}, got nothing.`);return e}function x(e,n,t=0){if(e!==void 0){if(!/^\d+$/.test(e)||Number(e)<t)throw new l(`${n} takes a whole number${t>0?` of at least ${t}`:""}, got "${e}".`);return Number(e)}}var o=require("node:fs"),$=require("node:os"),m=require("node:path");function _(e){if(e.AIMSLINT_CACHE_DIR)return e.AIMSLINT_CACHE_DIR;if(process.platform==="win32")return e.LOCALAPPDATA?(0,m.join)(e.LOCALAPPDATA,"aimslint","Cache"):void 0;if(e.XDG_CACHE_HOME)return(0,m.join)(e.XDG_CACHE_HOME,"aimslint");let n=e.HOME??G();if(n)return process.platform==="darwin"?(0,m.join)(n,"Library","Caches","aimslint"):(0,m.join)(n,".cache","aimslint")}function G(){try{return(0,$.homedir)()||void 0}catch{return}}function w(e,n=!0){let t;try{n&&(0,o.mkdirSync)(e,{recursive:!0,mode:448}),t=(0,o.statSync)(e)}catch(i){return{untrusted:!1,why:`the cache folder ${e} cannot be used (${i.code??String(i)})`}}let r=M(t,`the cache folder ${e}`);return r===void 0?void 0:{untrusted:!0,why:r}}function M(e,n){let t=process.getuid?.();if(t!==void 0){if(e.uid!==t)return`${n} belongs to another user (uid ${e.uid})`;if((e.mode&18)!==0)return`${n} may be written by group or others (mode ${(e.mode&511).toString(8)})`}}function k(e){let n;try{n=(0,o.openSync)(e,o.constants.O_RDONLY|(o.constants.O_NOFOLLOW??0));let t=(0,o.fstatSync)(n);return!t.isFile()||M(t,e)?void 0:(0,o.readFileSync)(n)}catch{return}finally{n!==void 0&&(0,o.closeSync)(n)}}function P(e){return(0,o.openSync)(e,o.constants.O_WRONLY|o.constants.O_CREAT|o.constants.O_EXCL|(o.constants.O_NOFOLLOW??0),384)}var h=(0,f.join)(__dirname,"cli-main.cjs"),K=4;function V(){let e;try{e=I(process.argv.slice(2))}catch{return}let n=e.cache?_(process.env):void 0;return n===void 0?void 0:{root:n,dir:(0,f.join)(n,"code"),write:e.command==="lint"}}function C(e,n){return w(e.root,n)===void 0&&w(e.dir,n)===void 0}var F="aimslint-v8cache-1",O=F.length+1+64+1+64+1;function X(e,n){if(!e||e.length<=O)return;let[t,r,i]=e.subarray(0,O-1).toString("latin1").split(" "),d=e.subarray(O);if(!(t!==F||r!==n||i!==(0,y.createHash)("sha256").update(d).digest("hex")))return d}function Q(){let e=V(),n=u.default.enableCompileCache;if(e===void 0||n){e?.write&&C(e,!0)&&S(()=>n?.(e.dir)),(0,u.createRequire)(__filename)(h);return}let t=(0,a.readFileSync)(h,"utf8"),r=(0,y.createHash)("sha256").update(`${process.version}\0${process.arch}\0`).update(t).digest("hex"),i=(0,f.join)(e.dir,`${r.slice(0,32)}.v8cache`),d=C(e,!1)?X(k(i),r):void 0,c=new N.Script(u.default.wrap(t),{filename:h,...d?{cachedData:d}:{}});e.write&&(!d||c.cachedDataRejected)&&process.once("exit",()=>S(()=>C(e,!0)&&Z(e.dir,i,r,c)));let p=c.runInThisContext(),s={exports:{}};p.call(s.exports,s.exports,(0,u.createRequire)(h),s,h,__dirname)}function Z(e,n,t,r){let i=r.createCachedData(),d=Buffer.from(`${F} ${t} ${(0,y.createHash)("sha256").update(i).digest("hex")}
`,"latin1"),c=`${n}.${process.pid}.tmp`;(0,a.rmSync)(c,{force:!0});try{let s=P(c);try{D(s,d),D(s,i)}finally{(0,a.closeSync)(s)}(0,a.renameSync)(c,n)}finally{(0,a.rmSync)(c,{force:!0})}let p=(0,a.readdirSync)(e).filter(s=>s.endsWith(".v8cache")&&(0,f.join)(e,s)!==n).map(s=>({path:(0,f.join)(e,s),written:S(()=>(0,a.statSync)((0,f.join)(e,s)).mtimeMs)??0})).sort((s,T)=>T.written-s.written);for(let s of p.slice(K-1))(0,a.rmSync)(s.path,{force:!0})}function D(e,n){for(let t=0;t<n.length;)t+=(0,a.writeSync)(e,n,t,n.length-t)}function S(e){try{return e()}catch{return}}try{Q()}catch(e){process.stderr.write(`aimslint: internal error: ${String(e)}
`),process.exitCode=2}
