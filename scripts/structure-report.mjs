// Structure figures for the closing note and docs/architecture.md: files over 300 lines and functions over 60 lines
// in the shipped TypeScript (src, tracker, mcp-server, hooks), read with the TypeScript compiler's own parser.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';

const ROOTS = ['src', 'tracker', 'mcp-server', 'hooks'];
const files = execFileSync('git', ['ls-files', ...ROOTS.map((r) => `${r}/*.ts`)], { encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);

const longFiles = [];
const longFunctions = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n').length;
  if (lines > 300) longFiles.push({ file, lines });
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.end).line;
      const span = end - start + 1;
      if (span > 60) {
        const name =
          node.name?.getText() ??
          (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : '(anonymous)');
        longFunctions.push({ file, name, lines: span });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
longFiles.sort((a, b) => b.lines - a.lines);
longFunctions.sort((a, b) => b.lines - a.lines);
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ files: files.length, longFiles, longFunctions }, null, 2));
} else {
  console.log(
    `${files.length} files; ${longFiles.length} over 300 lines; ${longFunctions.length} functions over 60 lines`,
  );
  for (const f of longFiles) console.log(`  file ${f.lines} ${f.file}`);
  for (const f of longFunctions) console.log(`  fn   ${f.lines} ${f.file} ${f.name}`);
}
