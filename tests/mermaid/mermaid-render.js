// Renders every ```mermaid block of a Markdown file with the real mermaid library in headless
// Chromium; prints one line per block (ok / the parse error) and saves a screenshot of the first.
// Copied from the tools that came with the project brief (mermaid-render.js, unchanged) so that the tests need nothing outside the repository.
const { chromium } = require(require.resolve('playwright-core', { paths: [process.cwd(), __dirname] }));
const fs = require('fs');
const path = require('path');
(async () => {
  const md = fs.readFileSync(process.argv[2], 'utf8');
  const blocks = [...md.matchAll(/```mermaid\n([\s\S]*?)```/g)].map(m => m[1]);
  if (!blocks.length) { console.log('no mermaid block'); process.exit(1); }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.setContent('<html><body><div id="out"></div></body></html>');
  await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js', { paths: [process.cwd(), __dirname] }) });
  let bad = 0;
  for (let i = 0; i < blocks.length; i++) {
    const res = await page.evaluate(async ([src, i]) => {
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
      try { const { svg } = await mermaid.render('g' + i, src);
            if (i === 0) document.getElementById('out').innerHTML = svg;
            return 'ok ' + svg.length; }
      catch (e) { return 'error ' + (e.message || e); }
    }, [blocks[i], i]);
    if (!res.startsWith('ok')) bad++;
    console.log(`block ${i}: ${res.slice(0, 300)}`);
  }
  if (process.argv[3]) await page.screenshot({ path: process.argv[3], fullPage: true });
  await browser.close();
  console.log(`${blocks.length - bad}/${blocks.length} mermaid blocks render`);
  process.exit(bad ? 1 : 0);
})();
