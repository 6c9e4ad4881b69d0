// Entry of the export's page script: starts it with `H`, the highlighter the page's script declared before it.
import { startPage, type Highlighter } from './page.js';

declare const H: Highlighter | null;

startPage(typeof H === 'undefined' ? null : H);
