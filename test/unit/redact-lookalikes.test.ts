// Realistic text that looks like a secret but is not: hashes, ids, references, placeholders, command flags. Each
// must come through redaction unchanged, or exports become unreadable and people turn redaction off.
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/core/redact/index.js';

const LOOKALIKES: readonly string[] = [
  // Hashes and ids
  'commit 4f9c2a7e8b1d4c6f0a5e9b2d7c4a1e8f6b3d0c9a (HEAD -> main, origin/main)',
  '"id": "3f2504e0-4f89-11d3-9a0c-0305e82c3301"',
  'subscription 8a1c3e5b-7d9f-4a2c-9e8b-1f3d5a7c9e2b in resource group rg-prod',
  '"integrity": "sha512-Xk7Lq2Zm9Vb4Nw1Rt8Yc3Hf6Jd0Ps5Ga2Eu7Io4Tx9Kb1Mn6Lz3Qv8Wc5Rd2Fh7Js0Pk4Ug9Ya1Xe6Zo3Cv8Nb5Lw2Mq7Tr4=="',
  'image: ghcr.io/acme/api@sha256:4f9c2a7e8b1d4c6f0a5e9b2d7c4a1e8f6b3d0c9a4f9c2a7e8b1d4c6f0a5e9b2d',
  '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==">',
  '"key": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"',
  'cacheKey: "v1-deps-4f9c2a7e8b1d4c6f0a5e9b2d7c4a1e8f"',
  // References and placeholders
  'password = config.password',
  'const token = await getToken(session.user.id);',
  'DB_PASSWORD=${DB_PASSWORD}',
  'password: process.env.DB_PASSWORD,',
  'api_key = os.environ["OPENAI_API_KEY"]',
  'curl -H "Authorization: Bearer $TOKEN" https://api.acme.io',
  'curl -u "$USER:$PASS" https://nexus.acme.io',
  'postgres://postgres:password@localhost:5432/dev',
  'mongodb://<username>:<password>@cluster0.mongodb.net',
  'AccountName=devstoreaccount1;AccountKey=<your-account-key>;',
  'hf_token = "ADD_YOUR_HUGGING_FACE_TOKEN_HERE"',
  'export ANTHROPIC_API_KEY=sk-ant-...',
  // Code and config that names secrets without holding one
  "fetch(url, { credentials: 'include', headers })",
  'password_hash = bcrypt.hashpw(password, bcrypt.gensalt())',
  'token_type: "bearer"',
  '"auth": {"type": "oauth2", "flows": {}}',
  'primary_key = "id"',
  'const publicKey = await crypto.subtle.exportKey("spki", pair.publicKey);',
  "sid: 'S-1-5-21-1004336348-1177238915-682003330-512'",
  'from huggingface_hub import hf_hub_download',
  'const sg = msg.content.split(".")',
  'kind: ConfigMap\ndata:\n  LOG_LEVEL: info\n  FEATURE_FLAGS: "search,export"',
  'Set-Cookie: theme=dark; Path=/; SameSite=Lax',
  'Cookie: lang=en-US',
  // Command lines
  'mkdir -p /tmp/build/output && cp -pr dist/ /tmp/build/output',
  'ssh -p 2222 deploy@10.0.3.21',
  'docker run -p 8080:80 -u 1000:1000 nginx:1.27',
  'git push -u origin feature/redaction',
  'mysql -h db.internal -u root -p orders',
  'psql --password --host db.internal',
  // Paths, URLs, logs
  '/home/dev/.ssh/id_ed25519',
  'src/core/redact/rules-saas.ts:42:7',
  'https://github.com/acme/api/pull/1234#issuecomment-2048576123',
  'https://user@git.acme.io/acme/api.git',
  '    at Object.<anonymous> (/srv/app/test/unit/auth.test.ts:88:13)',
  '2025-01-12T10:22:31.418Z INFO  12:30:AA request finished in 42ms',
  'version: "1.2.3", "pbkdf2-password": "^1.2.1"',
];

describe('realistic non-secrets', () => {
  it.each(LOOKALIKES.map((s) => [s]))('keeps %s', (s) => {
    const r = createRedactor();
    expect(r.redactText(s)).toBe(s);
    expect(r.report().total).toBe(0);
  });
});
