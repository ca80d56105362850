/**
 * Markup that runs script if a page ever parses it as HTML: the text lessons must neutralize it (after
 * sanitizing), and discussion comments must show it as text. Each sets `window.__pwned` if it runs.
 */
export const XSS_CORPUS = [
  '<p id="ok">Safe text</p>',
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'onerror\'">',
  '<a id="js" href="javascript:window.__pwned=\'link\'">click</a>',
  '<iframe src="javascript:parent.__pwned=\'frame\'"></iframe>',
  '<svg><script>window.__pwned = "svg"</script></svg>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
];
