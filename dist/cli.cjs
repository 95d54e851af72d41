#!/usr/bin/env node
"use strict";var k=Object.create;var A=Object.defineProperty;var j=Object.getOwnPropertyDescriptor;var Y=Object.getOwnPropertyNames;var H=Object.getPrototypeOf,q=Object.prototype.hasOwnProperty;var U=(e,n,t,i)=>{if(n&&typeof n=="object"||typeof n=="function")for(let r of Y(n))!q.call(e,r)&&r!==t&&A(e,r,{get:()=>n[r],enumerable:!(i=j(n,r))||i.enumerable});return e};var W=(e,n,t)=>(t=e!=null?k(H(e)):{},U(n||!e||!e.__esModule?A(t,"default",{value:e,enumerable:!0}):t,e));var g=require("node:crypto"),a=require("node:fs"),u=W(require("node:module"),1),f=require("node:path"),T=require("node:vm");var I=require("node:util");var y=["stylish","json","github","sarif","junit","gitlab"],v=["table","json","cyclonedx"],R=["table","json"];var d=class extends Error{};var re=`aimslint \u2014 policy as code for ISO/IEC 42001 AI governance artefacts: model cards, impact
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
  -f, --format <name>      Output format: ${y.join(", ").replace("stylish","stylish (default)")}
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
  aimslint explain risk/treatment-complete   why a rule exists and how to fix its findings
`,B={format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},config:{type:"string",short:"c"},"print-config":{type:"string"},rule:{type:"string",multiple:!0},"ignore-pattern":{type:"string",multiple:!0},"no-error-on-unmatched-pattern":{type:"boolean"},quiet:{type:"boolean",short:"q"},"max-warnings":{type:"string"},"max-file-size":{type:"string"},"max-findings-per-file":{type:"string"},today:{type:"string"},"no-inline-config":{type:"boolean"},"no-cache":{type:"boolean"},color:{type:"boolean"},"no-color":{type:"boolean"},version:{type:"boolean",short:"v"},help:{type:"boolean",short:"h"}},J=["rules","explain","init","inventory","help"];function z(e){try{return(0,I.parseArgs)({args:[...e],allowPositionals:!0,strict:!0,options:B})}catch(n){throw new d(n.message.replace(/\. To specify a positional argument.*$/s,"."))}}function E(e){let n=z(e),{values:t}=n,i=n.positionals,r=t.help?"help":t.version?"version":"lint";if(r==="lint"&&J.includes(i[0]??"")){if(r=i[0],i=i.slice(1),r==="explain"&&i.length!==1)throw new d('"explain" takes one rule id, e.g. aimslint explain risk/treatment-complete.');if(r==="init"&&i.length>1)throw new d('"init" takes at most one folder, e.g. aimslint init or aimslint init compliance/.')}if(t["print-config"]!==void 0&&r==="lint"){if(i.length>0)throw new d("--print-config takes one file and no other paths, e.g. aimslint --print-config risks/RISK-7.yaml.");r="print-config"}if(t["output-file"]!==void 0&&r==="init")throw new d('"init" writes its own files; -o is for reports.');let l=r==="inventory"?v:r==="rules"?R:y,c=t.format??l[0];if(!l.includes(c))throw new d(`Unknown format "${c}"${r==="inventory"||r==="rules"?` for ${r}`:""}; expected one of ${l.join(", ")}.`);if(t.today!==void 0&&!/^\d{4}-\d{2}-\d{2}$/.test(t.today))throw new d(`--today takes a date written YYYY-MM-DD, got "${t.today}".`);return{command:r,paths:i,format:c,quiet:t.quiet??!1,maxWarnings:x(t["max-warnings"],"--max-warnings"),maxFileBytes:x(t["max-file-size"],"--max-file-size"),maxFindingsPerFile:x(t["max-findings-per-file"],"--max-findings-per-file",1),color:t["no-color"]?!1:t.color?!0:void 0,config:t.config,today:t.today,noInlineConfig:t["no-inline-config"]??!1,cache:!(t["no-cache"]??!1),outputFile:b(t["output-file"],"-o, --output-file"),printConfig:b(t["print-config"],"--print-config"),ignorePatterns:(t["ignore-pattern"]??[]).map(p=>b(p,"--ignore-pattern")),errorOnUnmatched:!(t["no-error-on-unmatched-pattern"]??!1),rules:t.rule??[]}}function b(e,n){if(e==="")throw new d(`${n} takes a ${n==="--ignore-pattern"?"glob":"path"}, got nothing.`);return e}function x(e,n,t=0){if(e!==void 0){if(!/^\d+$/.test(e)||Number(e)<t)throw new d(`${n} takes a whole number${t>0?` of at least ${t}`:""}, got "${e}".`);return Number(e)}}var o=require("node:fs"),$=require("node:os"),m=require("node:path");function _(e){if(e.AIMSLINT_CACHE_DIR)return e.AIMSLINT_CACHE_DIR;if(process.platform==="win32")return e.LOCALAPPDATA?(0,m.join)(e.LOCALAPPDATA,"aimslint","Cache"):void 0;if(e.XDG_CACHE_HOME)return(0,m.join)(e.XDG_CACHE_HOME,"aimslint");let n=e.HOME??G();if(n)return process.platform==="darwin"?(0,m.join)(n,"Library","Caches","aimslint"):(0,m.join)(n,".cache","aimslint")}function G(){try{return(0,$.homedir)()||void 0}catch{return}}function w(e,n=!0){let t;try{n&&(0,o.mkdirSync)(e,{recursive:!0,mode:448}),t=(0,o.statSync)(e)}catch(r){return{untrusted:!1,why:`the cache folder ${e} cannot be used (${r.code??String(r)})`}}let i=M(t,`the cache folder ${e}`);return i===void 0?void 0:{untrusted:!0,why:i}}function M(e,n){let t=process.getuid?.();if(t!==void 0){if(e.uid!==t)return`${n} belongs to another user (uid ${e.uid})`;if((e.mode&18)!==0)return`${n} may be written by group or others (mode ${(e.mode&511).toString(8)})`}}function N(e){let n;try{n=(0,o.openSync)(e,o.constants.O_RDONLY|(o.constants.O_NOFOLLOW??0));let t=(0,o.fstatSync)(n);return!t.isFile()||M(t,e)?void 0:(0,o.readFileSync)(n)}catch{return}finally{n!==void 0&&(0,o.closeSync)(n)}}function P(e){return(0,o.openSync)(e,o.constants.O_WRONLY|o.constants.O_CREAT|o.constants.O_EXCL|(o.constants.O_NOFOLLOW??0),384)}var h=(0,f.join)(__dirname,"cli-main.cjs"),K=4;function V(){let e;try{e=E(process.argv.slice(2))}catch{return}let n=e.cache?_(process.env):void 0;return n===void 0?void 0:{root:n,dir:(0,f.join)(n,"code"),write:e.command==="lint"}}function C(e,n){return w(e.root,n)===void 0&&w(e.dir,n)===void 0}var F="aimslint-v8cache-1",O=F.length+1+64+1+64+1;function X(e,n){if(!e||e.length<=O)return;let[t,i,r]=e.subarray(0,O-1).toString("latin1").split(" "),l=e.subarray(O);if(!(t!==F||i!==n||r!==(0,g.createHash)("sha256").update(l).digest("hex")))return l}function Q(){let e=V(),n=u.default.enableCompileCache;if(e===void 0||n){e?.write&&C(e,!0)&&S(()=>n?.(e.dir)),(0,u.createRequire)(__filename)(h);return}let t=(0,a.readFileSync)(h,"utf8"),i=(0,g.createHash)("sha256").update(`${process.version}\0${process.arch}\0`).update(t).digest("hex"),r=(0,f.join)(e.dir,`${i.slice(0,32)}.v8cache`),l=C(e,!1)?X(N(r),i):void 0,c=new T.Script(u.default.wrap(t),{filename:h,...l?{cachedData:l}:{}});e.write&&(!l||c.cachedDataRejected)&&process.once("exit",()=>S(()=>C(e,!0)&&Z(e.dir,r,i,c)));let p=c.runInThisContext(),s={exports:{}};p.call(s.exports,s.exports,(0,u.createRequire)(h),s,h,__dirname)}function Z(e,n,t,i){let r=i.createCachedData(),l=Buffer.from(`${F} ${t} ${(0,g.createHash)("sha256").update(r).digest("hex")}
`,"latin1"),c=`${n}.${process.pid}.tmp`;(0,a.rmSync)(c,{force:!0});try{let s=P(c);try{D(s,l),D(s,r)}finally{(0,a.closeSync)(s)}(0,a.renameSync)(c,n)}finally{(0,a.rmSync)(c,{force:!0})}let p=(0,a.readdirSync)(e).filter(s=>s.endsWith(".v8cache")&&(0,f.join)(e,s)!==n).map(s=>({path:(0,f.join)(e,s),written:S(()=>(0,a.statSync)((0,f.join)(e,s)).mtimeMs)??0})).sort((s,L)=>L.written-s.written);for(let s of p.slice(K-1))(0,a.rmSync)(s.path,{force:!0})}function D(e,n){for(let t=0;t<n.length;)t+=(0,a.writeSync)(e,n,t,n.length-t)}function S(e){try{return e()}catch{return}}try{Q()}catch(e){process.stderr.write(`aimslint: internal error: ${String(e)}
`),process.exitCode=2}
