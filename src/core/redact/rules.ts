// The ordered table of redaction rules. Order matters only where two rules share a trigger: the first to match wins.
import type { Rule } from './rule.js';
import { secretAssignment } from './rules-assignment.js';
import { cliRules } from './rules-cli.js';
import { cloudRules } from './rules-cloud.js';
import { cookieHeader } from './rules-cookie.js';
import { k8sSecret } from './rules-k8s.js';
import { saasRules } from './rules-saas.js';
import { structuralRules } from './rules-structural.js';
import { vendorRules } from './rules-vendor.js';

/** Rules that recognise a secret by its own shape. Also used on assigned values, to name what they are. */
export const specificRules: readonly Rule[] = [
  ...structuralRules,
  ...vendorRules,
  ...cloudRules,
  ...saasRules,
  cookieHeader,
  k8sSecret,
  ...cliRules,
];

/** Everything, assignments last: `aws_secret_access_key=…` is claimed by the AWS rule before the generic one. */
export const allRules: readonly Rule[] = [...specificRules, secretAssignment];
