// Secret redaction: the public surface. Everything leaving the machine goes through createRedactor first.
export { createRedactor, type Redactor, type RedactorOptions, type RedactionReport } from './redactor.js';
export { allRules, specificRules } from './rules.js';
export { tag as redactionTag, type Rule, type RuleHit } from './rule.js';
export {
  stripPrivateText,
  stripPrivateValue,
  stripPrivateLine,
  hasPrivateSpan,
  PRIVATE_MARK,
} from './private-spans.js';
