/**
 * Public keys whose Ed25519 signatures the app accepts on update files (see signature.ts). Pinned in the app so
 * that neither the update server nor its TLS certificate is trusted with what gets installed.
 *
 * Rotation (docs/admin.md, "Update-Signaturschlüssel wechseln"): ship a release that pins the old and the new key,
 * sign later releases with the new key only, then drop the old key in a following release. Every entry names
 * its key id (`npm run sign-update -- --key-id` prints the one of the key in the environment).
 */
export const TRUSTED_UPDATE_KEYS: readonly string[] = [
  // c26495a19ae8b6c7 - Obhut release key 1 (2025). The private key is held only by the release team.
  `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEA9mC0Po7hrqarBVKYhvPr6dlZ3JUmVlLGiOgEzisGrks=
-----END PUBLIC KEY-----
`,
];
