/**
 * The web form's stylesheet, served same-origin as /ui/app.css so the page's Content-Security-Policy
 * can say `style-src 'self'` (no inline styles). Colours meet WCAG AA: 4.5:1 for text, 3:1 for borders
 * and focus rings. Verdict and severity colours match the topology picture's (src/report/formats/svg.ts).
 * @module
 */
export const STYLE = `:root{color-scheme:light;--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--field:#6e7781;--panel:#f6f8fa;--link:#0969da}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:#fff}
a{color:var(--link);text-underline-offset:2px}
:focus-visible{outline:3px solid #0969da;outline-offset:2px}
h2[tabindex]:focus{outline:none}
.skip{position:absolute;left:-100vw;top:.5rem;background:#fff;padding:.5rem 1rem;border:2px solid var(--link);z-index:2}
.skip:focus{left:.5rem}
header,main,footer{max-width:68rem;margin:0 auto;padding:0 1rem}
header{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.25rem 1.5rem;padding-top:.75rem;padding-bottom:.5rem;border-bottom:1px solid var(--line)}
header h1{font-size:1.35rem;margin:0}
header p{margin:0;color:var(--muted)}
nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
h2{font-size:1.35rem;margin:1.75rem 0 .5rem}
h3{font-size:1.15rem;margin:1.75rem 0 .5rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h4{font-size:1.05rem;margin:1.25rem 0 .5rem}
h5{font-size:1rem;margin:0 0 .25rem}
code{font:.9em/1.4 ui-monospace,"DejaVu Sans Mono",monospace;overflow-wrap:anywhere}
.lede{margin:.75rem 0;color:var(--muted)}
form.lint{display:grid;gap:1.1rem;margin:1rem 0 2rem}
.field label,legend{display:block;font-weight:600}
.hint{margin:.1rem 0 .4rem;color:var(--muted);font-size:.92rem}
.drop{border:2px dashed var(--field);border-radius:8px;padding:1rem;background:var(--panel)}
.dragging .drop{border-color:var(--link);background:#ddf4ff}
input[type=file]{font:inherit;max-width:100%}
textarea,input[type=text]{font:14px/1.45 ui-monospace,"DejaVu Sans Mono",monospace;width:100%;padding:.5rem .6rem;border:1px solid var(--field);border-radius:6px;color:var(--ink);background:#fff}
input[type=text]{max-width:10rem;font-size:16px}
textarea{min-height:9rem;resize:vertical}
fieldset{border:1px solid var(--line);border-radius:8px;margin:0;padding:.6rem 1rem .8rem}
fieldset label{display:flex;gap:.5rem;align-items:flex-start;margin-top:.4rem}
input[type=radio]{width:1.1rem;height:1.1rem;margin:.2rem 0 0;flex:none}
.files{margin:.5rem 0 0;padding:0;list-style:none}
.files li{display:flex;gap:.5rem;align-items:center;justify-content:space-between;padding:.2rem 0;border-bottom:1px solid var(--line)}
button{font:inherit;font-weight:600;padding:.55rem 1.2rem;border-radius:6px;border:1px solid #1a7f37;background:#1a7f37;color:#fff;cursor:pointer;min-height:2.75rem}
button:hover{background:#116329}
button.quiet{background:#fff;color:var(--ink);border-color:var(--field);padding:.3rem .8rem;min-height:2.25rem}
button.quiet:hover{background:var(--panel)}
button[aria-busy=true]{opacity:.7;cursor:progress}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center}
.status{margin:0;color:var(--muted)}
.summary{font-size:1.1rem;padding:.75rem 1rem;border-radius:8px;border-left:6px solid;background:var(--panel);margin:.5rem 0}
.summary.failed{border-color:#cf222e}.summary.passed{border-color:#1a7f37}
.downloads{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.75rem 0}
.downloads button{font-size:.92rem}
.topology{margin:1rem 0}
.topology .scroll{overflow-x:auto;border:1px solid var(--line);border-radius:8px}
.topology svg{display:block;width:100%;height:auto;min-width:30rem}
.topology figcaption{font-size:.92rem;color:var(--muted);margin-top:.35rem}
.narrow{display:none}
.paths{list-style:none;padding:0;margin:0}
.paths li{display:grid;grid-template-columns:2rem 1fr;gap:0 .5rem;padding:.6rem 0;border-bottom:1px solid var(--line)}
.paths p{grid-column:2;margin:.15rem 0 0;color:var(--muted);overflow-wrap:anywhere}
.paths .num{color:#fff}
.num{display:inline-flex;align-items:center;justify-content:center;width:1.6rem;height:1.6rem;border-radius:50%;color:#fff;font-weight:700;font-size:.9rem}
.verdict{font-weight:700;white-space:nowrap}
.basis{display:inline-block;padding:0 .5rem;border-radius:1rem;font-size:.8rem;white-space:nowrap;border:1px solid}
.b-certificates{color:#1a7f37;font-weight:700}.b-flags{color:#57606a;border-style:dashed}
.v-secure{color:#1a7f37}.v-at-risk{color:#9a6700}.v-insecure{color:#cf222e}.v-not-configured{color:#57606a}.v-not-assessed{color:#8250df}
.num.v-secure{background:#1a7f37}.num.v-at-risk{background:#9a6700}.num.v-insecure{background:#cf222e}.num.v-not-configured{background:#57606a}.num.v-not-assessed{background:#8250df}
.finding{border:1px solid var(--line);border-left:6px solid var(--field);border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}
.finding p{margin:.35rem 0}
.finding.s-critical{border-left-color:#82071e}.finding.s-high{border-left-color:#cf222e}.finding.s-medium{border-left-color:#9a6700}.finding.s-low{border-left-color:#0969da}
.sev{display:inline-block;padding:.05rem .55rem;border-radius:1rem;font-size:.78rem;font-weight:700;letter-spacing:.03em;text-transform:uppercase;color:#fff;background:#57606a;vertical-align:.1em;margin-right:.35rem}
.sev-critical{background:#82071e}.sev-high{background:#cf222e}.sev-medium{background:#9a6700}.sev-low{background:#0969da}
.meta{color:var(--muted);font-size:.92rem}
.fix{background:#dafbe1;border-radius:6px;padding:.4rem .6rem}
.links{margin:.25rem 0 0;padding-left:1.2rem;font-size:.92rem;overflow-wrap:anywhere}
.plain{padding-left:1.2rem}
.plain li{margin:.3rem 0}
.error{border-left:6px solid #cf222e;background:#ffebe9;border-radius:8px;padding:.75rem 1rem}
footer{margin-top:3rem;padding-top:1rem;padding-bottom:2rem;border-top:1px solid var(--line);color:var(--muted);font-size:.92rem}
@media (max-width:40rem){body{font-size:15px}h2{font-size:1.2rem}.finding{padding:.6rem .75rem}.narrow{display:inline}.downloads span{flex-basis:100%}}
@media (min-width:60rem){.overview{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:0 2rem;align-items:start}.overview h3{margin-top:1rem}}
@media (prefers-reduced-motion:no-preference){html{scroll-behavior:smooth}}
`;
