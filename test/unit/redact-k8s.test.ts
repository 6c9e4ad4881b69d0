// Kubernetes Secret manifests (rules-k8s.ts): every data/stringData value goes; ConfigMaps and keys stay.
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/core/redact/index.js';

const T = '[REDACTED:k8s-secret]';
const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('k8s-secret', () => {
  it('redacts base64 data values and keeps the keys', () => {
    const yaml = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  username: ${b64('app')}\n  password: ${b64('Pg7xQ2mLz9')}\n`;
    const r = createRedactor();
    expect(r.redactText(yaml)).toBe(
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  username: ${T}\n  password: ${T}\n`,
    );
    expect(r.report().byRule).toEqual({ 'k8s-secret': 2 });
  });

  it('redacts stringData, quoted values and block scalars, with kind after the data', () => {
    const yaml = `stringData:\n  token: "abc"\n  config.json: |\n    {"user": "x"}\n    {"more": 1}\n  plain: hello\nkind: Secret\n`;
    expect(createRedactor().redactText(yaml)).toBe(
      `stringData:\n  token: "${T}"\n  config.json: |\n    ${T}\n  plain: ${T}\nkind: Secret\n`,
    );
  });

  it('redacts kubectl -o json output', () => {
    const json = `{"apiVersion": "v1", "data": {"password": "${b64('S3cr3t!')}", "user": "${b64('app')}"}, "kind": "Secret"}`;
    expect(createRedactor().redactText(json)).toBe(
      `{"apiVersion": "v1", "data": {"password": "${T}", "user": "${T}"}, "kind": "Secret"}`,
    );
  });

  it.each([
    ['kind: ConfigMap\ndata:\n  LOG_LEVEL: info\n'],
    ['kind: Secret\nmetadata:\n  name: x\n'],
    ['const metadata: Meta = {}'],
    ['<img src="data:image/png;base64,iVBORw0KGgo=">'],
    ['{"kind": "Deployment", "data": {"replicas": "3"}}'],
    ['kind: Secret\ndata:\n  password: ${DB_PASSWORD}\n'],
  ])('keeps %j', (input) => {
    expect(createRedactor().redactText(input)).toBe(input);
  });
});
