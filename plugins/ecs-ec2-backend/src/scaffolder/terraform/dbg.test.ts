import { parse } from '@cdktf/hcl2json';
import { escapeHclString } from './hcl';
it('dbg', async () => {
  for (const t of ['{#\u0000 ${', 'a ${', '\u0000 ${', '\u0000${', '\u0000']) {
    const e = escapeHclString(t);
    try { const d = await parse('f.tf', `locals {\n  value = "${e}"\n}\n`); process.stdout.write(JSON.stringify([t, e, d.locals[0].value]) + '\n'); }
    catch (err) { process.stdout.write(JSON.stringify([t, e]) + ' ERR\n'); }
  }
});
